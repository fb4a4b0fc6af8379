import { addDays, addMonths, businessDate, CityCalendar, daysBetween, fiscalYearOf, quarterOf } from './city-calendar';

describe('CityCalendar', () => {
  const wib = new CityCalendar();
  // 1 January 2027, 03:00 WIB — still 31 December 2026 in UTC.
  const newYearsMorning = new Date('2026-12-31T20:00:00Z');

  it('gives the city’s date and year, not UTC’s, between 00:00 and 07:00 WIB', () => {
    expect(newYearsMorning.toISOString().slice(0, 10)).toBe('2026-12-31');
    expect(wib.dateOf(newYearsMorning)).toBe('2027-01-01');
    expect(wib.yearOf(newYearsMorning)).toBe(2027);
    expect(wib.fiscalYearAt(newYearsMorning)).toBe(2027);
  });

  it('defaults to WIB and lets WITA and WIT cities set theirs', () => {
    expect(wib.timeZone).toBe('Asia/Jakarta');
    const instant = new Date('2027-03-31T16:30:00Z'); // 23:30 WIB, 00:30 WITA, 01:30 WIT
    expect(wib.dateOf(instant)).toBe('2027-03-31');
    expect(new CityCalendar('Asia/Makassar').dateOf(instant)).toBe('2027-04-01');
    expect(new CityCalendar('Asia/Jayapura').dateOf(instant)).toBe('2027-04-01');
  });

  it('refuses a time zone the runtime does not know', () => {
    expect(() => new CityCalendar('Asia/Bukittinggi')).toThrow(RangeError);
  });
});

describe('business dates', () => {
  it('fiscal year is the calendar year (UU 17/2003)', () => {
    expect(fiscalYearOf('2027-01-01')).toBe(2027);
    expect(fiscalYearOf('2026-12-31')).toBe(2026);
  });

  it('quarters', () => {
    expect(quarterOf('2027-03-31')).toBe('2027-Q1');
    expect(quarterOf('2027-04-01')).toBe('2027-Q2');
    expect(quarterOf('2027-12-31')).toBe('2027-Q4');
  });

  it('day arithmetic across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-31', '2027-01-02')).toBe(2);
    expect(daysBetween('2027-01-02', '2026-12-31')).toBe(-2);
  });

  it('month arithmetic keeps the day, or the month’s last day', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 14)).toBe('2028-01-15');
    expect(businessDate(2027, 3, 0)).toBe('2027-02-28');
  });

  it('refuses what is not a date', () => {
    expect(() => fiscalYearOf('2027-1-1')).toThrow(RangeError);
  });
});
