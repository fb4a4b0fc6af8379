import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { parseNip } from '@kompeten/contracts';

/** Validates a NIP taken from the URL; a 400 names the wrong part. */
@Injectable()
export class ParseNipPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const r = parseNip(value);
    if (!r.ok) throw new BadRequestException({ errors: [{ field: 'nip', message: `${r.part}: ${r.message}` }] });
    return value;
  }
}
