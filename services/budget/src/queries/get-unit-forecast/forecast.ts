import { addDays } from '@kompeten/domain';

const DAY = 86_400_000;

export interface ForecastInput {
  /** Money still free in the unit's allocations (allocated − committed − spent). */
  free: number;
  /** Net money taken (commitments − releases + expenditure over commitment) within the window. */
  takenInWindow: number;
  windowDays: number;
  /** The instant of the forecast: the rate is measured over the time before it. */
  now: Date;
  /** The city's date at `now` (CityCalendar): the run-out date counts whole days from it. */
  today: string;
  /** When the unit's first budget of the year opened: a younger budget's rate is averaged over its own age. */
  openedAt: Date;
  fiscalYear: number;
}

/**
 * When the unit's free money runs out if it keeps being taken at the recent daily rate: a date in
 * the city, compared with the fiscal year's last day (31 December). Null when nothing is being
 * taken (no run-out to forecast).
 */
export function forecastRunOut({ free, takenInWindow, windowDays, now, today, openedAt, fiscalYear }: ForecastInput) {
  const days = Math.max(1, Math.min(windowDays, (now.getTime() - openedAt.getTime()) / DAY));
  const dailyRate = Math.max(0, takenInWindow / days);
  const yearEnd = `${fiscalYear}-12-31`;
  if (dailyRate === 0)
    return { dailyRate: 0, basedOnDays: round1(days), daysLeft: null, runsOutOn: null, beforeYearEnd: false };
  const daysLeft = Math.max(0, free) / dailyRate;
  const runsOutOn = addDays(today, Math.floor(daysLeft));
  return {
    dailyRate: Math.round(dailyRate),
    basedOnDays: round1(days),
    daysLeft: round1(daysLeft),
    runsOutOn,
    beforeYearEnd: runsOutOn <= yearEnd,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
