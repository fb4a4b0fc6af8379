import { forecastRunOut } from './forecast';

const now = new Date('2026-06-30T12:00:00Z');
const today = '2026-06-30';
const opened = new Date('2026-01-02T00:00:00Z');

describe('forecasting when a unit runs out', () => {
  it('divides what is free by the recent daily rate', () => {
    // Rp 30 juta taken in the last 30 days: Rp 1 juta a day; Rp 45 juta free lasts 45 days.
    expect(
      forecastRunOut({
        free: 45_000_000,
        takenInWindow: 30_000_000,
        windowDays: 30,
        now,
        today,
        openedAt: opened,
        fiscalYear: 2026,
      }),
    ).toEqual({ dailyRate: 1_000_000, basedOnDays: 30, daysLeft: 45, runsOutOn: '2026-08-14', beforeYearEnd: true });
  });
  it('says when the money outlasts the fiscal year', () => {
    expect(
      forecastRunOut({
        free: 400_000_000,
        takenInWindow: 30_000_000,
        windowDays: 30,
        now,
        today,
        openedAt: opened,
        fiscalYear: 2026,
      }),
    ).toMatchObject({ runsOutOn: '2027-08-04', beforeYearEnd: false });
  });
  it('averages a young budget over its own age, at least one day', () => {
    const young = new Date('2026-06-25T12:00:00Z');
    expect(
      forecastRunOut({
        free: 10_000_000,
        takenInWindow: 5_000_000,
        windowDays: 30,
        now,
        today,
        openedAt: young,
        fiscalYear: 2026,
      }),
    ).toMatchObject({ dailyRate: 1_000_000, basedOnDays: 5, daysLeft: 10 });
    expect(
      forecastRunOut({
        free: 10_000_000,
        takenInWindow: 5_000_000,
        windowDays: 30,
        now,
        today,
        openedAt: now,
        fiscalYear: 2026,
      }),
    ).toMatchObject({ dailyRate: 5_000_000, basedOnDays: 1, daysLeft: 2 });
  });
  it('forecasts nothing when nothing is being taken, and today when nothing is free', () => {
    expect(
      forecastRunOut({ free: 10, takenInWindow: -5, windowDays: 30, now, today, openedAt: opened, fiscalYear: 2026 }),
    ).toMatchObject({ dailyRate: 0, runsOutOn: null });
    expect(
      forecastRunOut({ free: 0, takenInWindow: 30, windowDays: 30, now, today, openedAt: opened, fiscalYear: 2026 }),
    ).toMatchObject({ daysLeft: 0, runsOutOn: '2026-06-30' });
  });
  it('counts the run-out date from the city’s date: at 03:00 WIB it is already tomorrow in the city', () => {
    // 20:00 UTC on 30 June is 03:00 WIB on 1 July: 45 days from the city's 1 July, not from UTC's 30 June.
    const lateEvening = new Date('2026-06-30T20:00:00Z');
    expect(
      forecastRunOut({
        free: 45_000_000,
        takenInWindow: 30_000_000,
        windowDays: 30,
        now: lateEvening,
        today: '2026-07-01',
        openedAt: opened,
        fiscalYear: 2026,
      }),
    ).toMatchObject({ daysLeft: 45, runsOutOn: '2026-08-15' });
    // On New Year's morning in the city, money that is gone ran out in the new year, not on 31 December.
    expect(
      forecastRunOut({
        free: 0,
        takenInWindow: 1,
        windowDays: 30,
        now: new Date('2026-12-31T20:00:00Z'),
        today: '2027-01-01',
        openedAt: opened,
        fiscalYear: 2027,
      }),
    ).toMatchObject({ daysLeft: 0, runsOutOn: '2027-01-01', beforeYearEnd: true });
  });
});
