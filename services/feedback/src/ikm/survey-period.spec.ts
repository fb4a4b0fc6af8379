import { monthsBefore, parsePeriod, periodOf, periodsBetween, populationFor, shiftPeriod } from './survey-period';

describe('survey periods', () => {
  it('reads months, quarters and years with inclusive dates', () => {
    expect(parsePeriod('2026-02')).toEqual({
      id: '2026-02',
      granularity: 'month',
      start: '2026-02-01',
      end: '2026-02-28',
      months: 1,
    });
    expect(parsePeriod('2024-Q1')).toEqual({
      id: '2024-Q1',
      granularity: 'quarter',
      start: '2024-01-01',
      end: '2024-03-31',
      months: 3,
    });
    expect(parsePeriod('2026')).toEqual({
      id: '2026',
      granularity: 'year',
      start: '2026-01-01',
      end: '2026-12-31',
      months: 12,
    });
    expect(parsePeriod('2026-13')).toBeUndefined();
    expect(parsePeriod('2026-Q5')).toBeUndefined();
  });

  it('finds the period of a date and steps across years', () => {
    expect(periodOf('2026-08-17', 'quarter').id).toBe('2026-Q3');
    expect(periodOf('2026-08-17', 'month').id).toBe('2026-08');
    expect(shiftPeriod(parsePeriod('2026-Q1')!, -1).id).toBe('2025-Q4');
    expect(shiftPeriod(parsePeriod('2025-12')!, 1).id).toBe('2026-01');
    expect(periodsBetween(parsePeriod('2025-Q4')!, parsePeriod('2026-Q2')!).map((p) => p.id)).toEqual([
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
  });

  it('goes back whole months, clamping to the end of a shorter month', () => {
    expect(monthsBefore('2026-09-30', 12)).toBe('2025-09-30');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
  });

  it('takes a period’s share of the yearly service users as its population', () => {
    expect(populationFor(400, parsePeriod('2026-Q1')!)).toBe(100);
    expect(populationFor(400, parsePeriod('2026')!)).toBe(400);
    expect(populationFor(5, parsePeriod('2026-01')!)).toBe(1);
  });
});
