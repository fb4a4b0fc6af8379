const DAY = 86_400_000;

export interface ForecastInput {
  /** Money still free in the unit's allocations (allocated − committed − spent). */
  free: number;
  /** Net money taken (commitments − releases + expenditure over commitment) within the window. */
  takenInWindow: number;
  windowDays: number;
  now: Date;
  /** When the unit's first budget of the year opened: a younger budget's rate is averaged over its own age. */
  openedAt: Date;
  fiscalYear: number;
}

/**
 * When the unit's free money runs out if it keeps being taken at the recent daily rate. Null when
 * nothing is being taken (no run-out to forecast).
 */
export function forecastRunOut({ free, takenInWindow, windowDays, now, openedAt, fiscalYear }: ForecastInput) {
  const days = Math.max(1, Math.min(windowDays, (now.getTime() - openedAt.getTime()) / DAY));
  const dailyRate = Math.max(0, takenInWindow / days);
  const yearEnd = `${fiscalYear}-12-31`;
  if (dailyRate === 0)
    return { dailyRate: 0, basedOnDays: round1(days), daysLeft: null, runsOutOn: null, beforeYearEnd: false };
  const daysLeft = Math.max(0, free) / dailyRate;
  const runsOutOn = new Date(now.getTime() + Math.floor(daysLeft) * DAY).toISOString().slice(0, 10);
  return {
    dailyRate: Math.round(dailyRate),
    basedOnDays: round1(days),
    daysLeft: round1(daysLeft),
    runsOutOn,
    beforeYearEnd: runsOutOn <= yearEnd,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
