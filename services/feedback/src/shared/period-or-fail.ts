import { parsePeriod, periodOf, SurveyPeriod } from '../ikm/survey-period';
import { problems } from './feedback.problems';

/** Reads a period (`2026-03`, `2026-Q1`, `2026`); a 400 names the parameter. */
export function periodOrFail(value: string | undefined, field: string): SurveyPeriod {
  const period = typeof value === 'string' ? parsePeriod(value) : undefined;
  if (!period)
    throw problems.invalid(field, `${field} must be a month (2026-03), a quarter (2026-Q1) or a year (2026)`);
  return period;
}

/** The `period` query parameter, or the quarter of `today` (the city's date, CityCalendar) when it is absent. */
export const periodOrCurrentQuarter = (value: string | undefined, today: string): SurveyPeriod =>
  value ? periodOrFail(value, 'period') : periodOf(today, 'quarter');
