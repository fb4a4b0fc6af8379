import { isKompetenProblem } from '@kompeten/client';
import type { GatewayClient } from '../gateway/gateway-client';
import type { ScenarioPlan } from '../plan/scenario.plan';
import { actors } from './demo-context';

export type ScenarioState = { kind: 'empty' } | { kind: 'complete' | 'partial' } | { kind: 'other'; detail: string };

/**
 * Is this scenario already on the platform? Asked through the API: the communication programme
 * exists (with this plan's seats) and the last unit's last closed quarter is published (the last
 * thing a run does before waiting for the read models).
 */
export async function scenarioState(client: GatewayClient, plan: ScenarioPlan): Promise<ScenarioState> {
  const api = client.as(actors.bkpsdm(plan));
  const programme = plan.programmes.find((p) => p.programmeId === plan.effect.programmeId)!;
  const found = await api.getProgramme({ params: { programmeId: programme.programmeId } }).catch((e: unknown) => {
    if (isKompetenProblem(e, 404)) return null;
    throw e;
  });
  if (!found) return { kind: 'empty' };
  if (found.capacity !== programme.capacity) {
    return {
      kind: 'other',
      detail: `${programme.programmeId} has ${found.capacity} seats here, ${programme.capacity} in the ${plan.size.name} plan of seed ${plan.seed}`,
    };
  }
  const unit = plan.units[plan.units.length - 1];
  const quarter = plan.closedQuarters[plan.closedQuarters.length - 1];
  const card = await api
    .getUnitScorecard({ params: { unitCode: unit.code }, query: { period: quarter.id } })
    .catch((e: unknown) => {
      if (isKompetenProblem(e)) return null; // not there (yet): the run stopped before
      throw e;
    });
  return { kind: card?.published ? 'complete' : 'partial' };
}
