import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { parsePeriod, SurveyPeriod } from '../ikm/survey-period';

/** Reads a period (`2026-03`, `2026-Q1`, `2026`); a 400 names the parameter. */
export function periodOrFail(value: string | undefined, field: string): SurveyPeriod {
  const period = typeof value === 'string' ? parsePeriod(value) : undefined;
  if (!period)
    throw new BadRequestException({
      errors: [{ field, message: `${field} must be a month (2026-03), a quarter (2026-Q1) or a year (2026)` }],
    });
  return period;
}

/** The `:period` URL parameter as a SurveyPeriod. */
@Injectable()
export class ParsePeriodPipe implements PipeTransform<string, SurveyPeriod> {
  transform(value: string): SurveyPeriod {
    return periodOrFail(value, 'period');
  }
}
