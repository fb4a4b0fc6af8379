import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** Ids that travel in URLs to a service (budget, allocation, commitment, assessment ids): refused before they are forwarded when malformed. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  constructor(private readonly field = 'id') {}
  transform(value: string): string {
    if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(value))
      throw new BadRequestException({
        errors: [{ field: this.field, message: 'must be 1–128 letters, digits or ._:-' }],
      });
    return value;
  }
}
