/**
 * The city's calendar: what "today", "this year", a quarter and a fiscal year mean for the business.
 *
 * Every business rule reads dates through this, never through `getUTCFullYear()` or a slice of a UTC
 * ISO string: at 00:00–07:00 WIB the UTC date is still yesterday, so a UTC rule would book New Year's
 * morning into the previous year. The time zone is the city's (`CITY_TIME_ZONE`, default
 * `Asia/Jakarta` — WIB; `Asia/Makassar` for WITA, `Asia/Jayapura` for WIT). Only the platform's
 * built-in `Intl` is used: the IANA time-zone database ships with Node.
 */
export const DEFAULT_CITY_TIME_ZONE = 'Asia/Jakarta';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class CityCalendar {
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly timeZone: string = DEFAULT_CITY_TIME_ZONE) {
    // Throws RangeError for a zone the runtime does not know: a misconfigured city fails at start-up.
    this.format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  /** The city's calendar date at an instant, `YYYY-MM-DD`. */
  dateOf(instant: Date): string {
    const parts = Object.fromEntries(this.format.formatToParts(instant).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
  }

  /** The city's calendar year at an instant. */
  yearOf(instant: Date): number {
    return Number(this.dateOf(instant).slice(0, 4));
  }

  /** The fiscal year a business date falls in (see {@link fiscalYearOf}). */
  fiscalYearAt(instant: Date): number {
    return fiscalYearOf(this.dateOf(instant));
  }
}

/**
 * Indonesia's fiscal year is the calendar year, 1 January – 31 December (UU 17/2003 on state finance,
 * art. 4; the APBD follows it). A date is a business date `YYYY-MM-DD`, already in the city's calendar.
 */
export const fiscalYearOf = (date: string): number => Number(dateParts(date)[0]);

/** `YYYY-Qn` of a business date. */
export const quarterOf = (date: string): string => {
  const [y, m] = dateParts(date);
  return `${y}-Q${Math.ceil(m / 3)}`;
};

/** The business date of a year, month and day; out-of-range parts roll over (day 0 = the previous month's last). */
export const businessDate = (year: number, month: number, day: number): string =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

/** The same day n months later (n < 0: earlier); a day the target month lacks becomes its last (01-31 + 1 → 02-28). */
export const addMonths = (date: string, months: number): string => {
  const [y, m, d] = dateParts(date);
  const lastDay = Number(businessDate(y, m + months + 1, 0).slice(8, 10));
  return businessDate(y, m + months, Math.min(d, lastDay));
};

/** A business date moved by whole days (calendar arithmetic, no time zone involved). */
export const addDays = (date: string, days: number): string => {
  const [y, m, d] = dateParts(date);
  return businessDate(y, m, d + days);
};

/** Whole days from `from` to `to` (both business dates); negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => {
  const [y1, m1, d1] = dateParts(from);
  const [y2, m2, d2] = dateParts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
};

function dateParts(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a business date (YYYY-MM-DD): ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
