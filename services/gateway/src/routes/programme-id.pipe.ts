import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** Programme ids are lowercase codes; anything else is refused before it reaches a URL downstream. */
@Injectable()
export class ProgrammeIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[a-z0-9][a-z0-9-]{2,63}$/.test(value))
      throw new BadRequestException({
        errors: [{ field: 'programmeId', message: 'must be 3–64 lowercase letters, digits or dashes' }],
      });
    return value;
  }
}
