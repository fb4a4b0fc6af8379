import type { getShortageEstimate, getUnitForecast, ResponseOf } from '@kompeten/api';
import { DownstreamProblem } from '../downstream/forward';

type Estimate = ResponseOf<typeof getShortageEstimate>;
type Forecast = ResponseOf<typeof getUnitForecast>;

/**
 * The shortage's price against the money: what is free in the OPD's open budgets of the year, how far
 * short of the need at the current mix (and at the cheapest) it falls, and the budget's own run-out
 * forecast beside it. Computed here because neither service knows both sides.
 */
export function budgetAgainst(estimate: Estimate, forecast: Forecast) {
  const budgetLeft = forecast.free;
  return {
    budgetLeft,
    rupiahNeeded: estimate.atCurrentMix.rupiah,
    shortBy: Math.max(0, estimate.atCurrentMix.rupiah - budgetLeft),
    cheapestShortBy: Math.max(0, estimate.cheapestMix.rupiah - budgetLeft),
    forecast,
  };
}

/** Why the budget could not answer, in its own words when it gave a problem (404: no open budget that year). */
export function unavailable(e: Error): { unavailable: string } {
  if (!(e instanceof DownstreamProblem)) return { unavailable: e.message };
  const p = e.problem() as { status: number; title: string; detail?: unknown };
  return { unavailable: `${p.status} ${typeof p.detail === 'string' ? p.detail : p.title}` };
}
