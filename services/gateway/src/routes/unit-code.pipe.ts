import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { UNIT_CODE, UNIT_CODE_MESSAGE } from '@kompeten/contracts';

@Injectable()
export class UnitCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UNIT_CODE.test(value))
      throw new BadRequestException({ errors: [{ field: 'unitCode', message: UNIT_CODE_MESSAGE }] });
    return value;
  }
}
