import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** OPD codes are uppercase (DINKES, BPBD, DISDUKCAPIL …). */
@Injectable()
export class OpdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Z0-9][A-Z0-9-]{1,63}$/.test(value))
      throw new BadRequestException({ errors: [{ field: 'opd', message: 'must be an OPD code such as DINKES' }] });
    return value;
  }
}
