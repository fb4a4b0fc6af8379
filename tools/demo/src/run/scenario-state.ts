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
  const officer = actors.bkpsdm(plan);
  const programme = plan.programmes.find((p) => p.programmeId === plan.effect.programmeId)!;
  const p = await client.send(officer, 'GET', `/programmes/${programme.programmeId}`);
  if (p.status === 404) return { kind: 'empty' };
  if (p.status !== 200) throw new Error(`GET /programmes/${programme.programmeId} → ${p.status}`);
  const { capacity } = p.body as { capacity: number };
  if (capacity !== programme.capacity) {
    return {
      kind: 'other',
      detail: `${programme.programmeId} has ${capacity} seats here, ${programme.capacity} in the ${plan.size.name} plan of seed ${plan.seed}`,
    };
  }
  const unit = plan.units[plan.units.length - 1];
  const quarter = plan.closedQuarters[plan.closedQuarters.length - 1];
  const card = await client.send(officer, 'GET', `/service-units/${unit.code}/scorecard`, {
    query: { period: quarter.id },
  });
  return { kind: card.status === 200 && (card.body as { published: boolean }).published ? 'complete' : 'partial' };
}
