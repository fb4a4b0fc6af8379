import * as contracts from '@kompeten/contracts';
import type { EventContract, EventProducingService } from '@kompeten/contracts';
import { UpcasterRegistry } from '@kompeten/event-store';

const isContract = (x: unknown): x is EventContract =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as EventContract).type === 'string' &&
  typeof (x as EventContract).version === 'number' &&
  typeof (x as EventContract).service === 'string';

/** Every event contract the contracts library exports (each service's `…_EVENTS` arrays). */
function allContracts(): EventContract[] {
  const found = new Map<string, EventContract>();
  for (const value of Object.values(contracts))
    if (Array.isArray(value)) for (const c of value) if (isContract(c)) found.set(c.type, c);
  return [...found.values()];
}

/** Opens a service's events at their current schema versions, as the service itself does. */
export function contractUpcasters(service: EventProducingService): UpcasterRegistry {
  return new UpcasterRegistry(contracts.currentVersions(allContracts().filter((c) => c.service === service)));
}
