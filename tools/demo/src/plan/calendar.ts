import { addDays, fiscalYearOf } from '@kompeten/domain';

/**
 * The scenario's time line on plain dates (YYYY-MM-DD, the city's date). "Today" is given, read by the
 * caller from the city's calendar (`CityCalendar` of @kompeten/domain, as the services read it); the
 * rest is calendar arithmetic with no time zone and no clock.
 */
export interface Quarter {
  id: string;
  start: string;
  end: string;
  index: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export const minDate = (a: string, b: string) => (a < b ? a : b);
/** Saturday and Sunday: no sessions, no letters (public holidays are not modelled). */
export const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
/** The working day `date` is, or the next one after it. */
export function workingDayFrom(date: string): string {
  let d = date;
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}
/** The working day `date` is, or the last one before it. */
export function workingDayUntil(date: string): string {
  let d = date;
  while (isWeekend(d)) d = addDays(d, -1);
  return d;
}
/** `n` working days after (n > 0) or before (n < 0) a date. */
export function addWorkingDays(date: string, n: number): string {
  let d = date;
  for (let left = Math.abs(n); left > 0;) {
    d = addDays(d, Math.sign(n));
    if (!isWeekend(d)) left--;
  }
  return d;
}
export const maxDate = (a: string, b: string) => (a > b ? a : b);

/** The first quarter of the generated history (relative to the current one): eight full quarters and the current one. */
export const FIRST_QUARTER = -8;

function quarterOfIndex(index: number): Quarter {
  const year = Math.floor(index / 4);
  const q = (index % 4) + 1;
  const startMonth = (q - 1) * 3 + 1;
  return {
    id: `${year}-Q${q}`,
    index,
    start: isoDate(year, startMonth, 1),
    end: isoDate(year, startMonth + 2, daysInMonth(year, startMonth + 2)),
  };
}

export const quarterIndexOf = (date: string) =>
  Number(date.slice(0, 4)) * 4 + Math.floor((Number(date.slice(5, 7)) - 1) / 3);

/**
 * The scenario's time line, relative to today: quarter 0 is the current one, -1 the one before …
 * Everything the generator dates (sessions, completions, assessments, survey visits) is placed on it,
 * and nothing is later than `lastDay` (yesterday: "not in the future" holds in every time zone).
 */
export class Timeline {
  readonly lastDay: string;
  readonly year: number;
  /** The first day of the history (quarter {@link FIRST_QUARTER}): the staff were registered before it. */
  readonly historyStart: string;
  /** The fiscal years the history spans, oldest first: each has its budgets. */
  readonly fiscalYears: number[];

  constructor(readonly today: string) {
    this.lastDay = addDays(today, -1);
    this.year = fiscalYearOf(today);
    this.historyStart = this.quarter(FIRST_QUARTER).start;
    const first = fiscalYearOf(this.historyStart);
    this.fiscalYears = Array.from({ length: this.year - first + 1 }, (_, i) => first + i);
  }

  quarter(relative: number): Quarter {
    return quarterOfIndex(quarterIndexOf(this.today) + relative);
  }

  /** Months (year, month) of a quarter that have begun by `lastDay`. */
  monthsOf(q: Quarter): { year: number; month: number; firstDay: string; lastDay: string }[] {
    const y = Number(q.start.slice(0, 4));
    const m0 = Number(q.start.slice(5, 7));
    return [0, 1, 2]
      .map((i) => ({
        year: y,
        month: m0 + i,
        firstDay: isoDate(y, m0 + i, 1),
        lastDay: minDate(isoDate(y, m0 + i, daysInMonth(y, m0 + i)), this.lastDay),
      }))
      .filter((x) => x.firstDay <= this.lastDay);
  }

  /** A date `offsetDays` into a quarter, never after `lastDay`. */
  dayIn(q: Quarter, offsetDays: number): string {
    return minDate(addDays(q.start, offsetDays), this.lastDay);
  }
}
