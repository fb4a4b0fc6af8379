import { EventStore, fold } from '@kompeten/event-store';
import type { ServiceUnitEvent } from '@kompeten/contracts';
import { ServiceUnitState, serviceUnitDecider, serviceUnitStreamId } from './service-unit.decider';

/** A unit as its own stream has it now (consistent, unlike the read model a moment after registration). */
export async function loadServiceUnit(store: EventStore, unitCode: string): Promise<ServiceUnitState> {
  const events = await store.readStream<ServiceUnitEvent>(serviceUnitStreamId(unitCode));
  return fold(
    serviceUnitDecider,
    events.map((e) => ({ type: e.type, data: e.data }) as ServiceUnitEvent),
  );
}
