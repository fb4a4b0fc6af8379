import { PERIOD_PATTERN } from '@kompeten/contracts';
import { addMonths, businessDate } from '@kompeten/domain';

/** A survey period: a month (`2026-03`), a quarter (`2026-Q1`) or a year (`2026`), with inclusive dates. */
export type Granularity = 'month' | 'quarter' | 'year';
export const GRANULARITIES: Granularity[] = ['month', 'quarter', 'year'];

export interface SurveyPeriod {
  id: string;
  granularity: Granularity;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  end: string;
  months: number;
}

export { PERIOD_PATTERN };

// Calendar arithmetic on a given year, month and day (day 0 = the previous month's last): no time zone, no clock.
const iso = businessDate;
const LENGTH: Record<Granularity, number> = { month: 1, quarter: 3, year: 12 };

function make(granularity: Granularity, year: number, firstMonth: number): SurveyPeriod {
  const months = LENGTH[granularity];
  const id =
    granularity === 'year'
      ? String(year)
      : granularity === 'quarter'
        ? `${year}-Q${(firstMonth + 2) / 3}`
        : `${year}-${String(firstMonth).padStart(2, '0')}`;
  return { id, granularity, start: iso(year, firstMonth, 1), end: iso(year, firstMonth + months, 0), months };
}

/** Parses `2026`, `2026-Q2` or `2026-05`; undefined when it is none of them. */
export function parsePeriod(id: string): SurveyPeriod | undefined {
  const m = PERIOD_PATTERN.exec(id);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) return make('month', year, Number(m[2]));
  if (m[3]) return make('quarter', year, Number(m[3]) * 3 - 2);
  return make('year', year, 1);
}

/** The period of the given granularity that contains a date (YYYY-MM-DD). */
export function periodOf(date: string, granularity: Granularity): SurveyPeriod {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const first = granularity === 'year' ? 1 : granularity === 'quarter' ? Math.floor((month - 1) / 3) * 3 + 1 : month;
  return make(granularity, year, first);
}

/** The period `steps` periods later (earlier when negative). */
export function shiftPeriod(p: SurveyPeriod, steps: number): SurveyPeriod {
  const index = Number(p.start.slice(0, 4)) * 12 + Number(p.start.slice(5, 7)) - 1 + steps * p.months;
  return make(p.granularity, Math.floor(index / 12), (index % 12) + 1);
}

/** Every period from `from` to `to` inclusive (same granularity). */
export function periodsBetween(from: SurveyPeriod, to: SurveyPeriod): SurveyPeriod[] {
  const periods: SurveyPeriod[] = [];
  for (let p = from; p.start <= to.start; p = shiftPeriod(p, 1)) periods.push(p);
  return periods;
}

/** The date `months` months before a date (same day, clamped to the month's end). */
export function monthsBefore(date: string, months: number): string {
  return addMonths(date, -months);
}

/** The unit's service users in a period: the yearly number pro rata (at least 1). */
export const populationFor = (annualServiceUsers: number, p: SurveyPeriod) =>
  Math.max(1, Math.round((annualServiceUsers * p.months) / 12));
