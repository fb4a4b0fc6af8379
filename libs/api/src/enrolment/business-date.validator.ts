import { IsISO8601, Matches } from 'class-validator';

/**
 * A business date, `YYYY-MM-DD`, that exists (2026-02-30 does not). No time and no zone: the date is
 * already the city's (a UTC instant would put 00:00–07:00 WIB on the previous day).
 */
export function IsBusinessDate(): PropertyDecorator {
  return (target, property) => {
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${String(property)} must be a date YYYY-MM-DD` })(target, property);
    IsISO8601({ strict: true }, { message: `${String(property)} must be a real calendar date` })(target, property);
  };
}
