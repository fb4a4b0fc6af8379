import { addDays, CityCalendar, daysBetween } from '@kompeten/domain';
import { addMonths, asOfDate } from './calendar';

const WIB = new CityCalendar('Asia/Jakarta');
/** 03:00 WIB on 30 November 2026: still 29 November in UTC. */
const EARLY_MORNING = new Date('2026-11-29T20:00:00.000Z');

describe('calendar dates', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
  });
  it('adds months, keeping the day or taking the month’s last day', () => {
    expect(addMonths('2026-02-03', 3)).toBe('2026-05-03');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-03-01', 36)).toBe('2029-03-01');
    expect(addMonths('2026-11-30', 2)).toBe('2027-01-30');
  });
  it('counts days between two dates', () => {
    expect(daysBetween('2026-05-03', '2026-05-10')).toBe(7);
  });
});

describe('the date a check runs as of', () => {
  it('is the city’s today when none is given — at 03:00 WIB already the new day', () => {
    expect(asOfDate(undefined, EARLY_MORNING, WIB)).toBe('2026-11-30');
    expect(EARLY_MORNING.toISOString().slice(0, 10)).toBe('2026-11-29'); // what a UTC slice would have said
  });
  it('takes a given date as it is, and a date-time as the city’s date at that instant', () => {
    expect(asOfDate('2029-03-01', EARLY_MORNING, WIB)).toBe('2029-03-01');
    expect(asOfDate('2029-02-28T20:00:00Z', EARLY_MORNING, WIB)).toBe('2029-03-01');
    expect(asOfDate('2029-03-01T02:00:00+07:00', EARLY_MORNING, WIB)).toBe('2029-03-01');
  });
});
