import { addDays, addMonths, daysBetween } from './calendar';

describe('calendar dates', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
  });
  it('adds months, keeping the day or taking the month’s last day', () => {
    expect(addMonths('2026-02-03', 3)).toBe('2026-05-03');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-03-01', 36)).toBe('2029-03-01');
  });
  it('counts days between two dates', () => {
    expect(daysBetween('2026-05-03', '2026-05-10')).toBe(7);
  });
});
