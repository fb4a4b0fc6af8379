// Business dates (YYYY-MM-DD). "Today" is always the city's (CityCalendar from @kompeten/domain, the
// CITY_TIME_ZONE setting), never a slice of a UTC timestamp: before 07:00 WIB the UTC date is still
// yesterday. Arithmetic on given dates (addDays, addMonths, daysBetween from @kompeten/domain)
// involves no time zone.
import type { CityCalendar } from '@kompeten/domain';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The date a query or check runs as of: a date the caller gives is taken as it is; a date-time
 * (ISO 8601, the API accepts one) is the city's date at that instant; none is the city's today.
 */
export const asOfDate = (given: string | undefined, now: Date, calendar: CityCalendar): string =>
  given === undefined ? calendar.dateOf(now) : DATE_ONLY.test(given) ? given : calendar.dateOf(new Date(given));

/** Month arithmetic is the domain's (one implementation for every service). */
export { addMonths } from '@kompeten/domain';
