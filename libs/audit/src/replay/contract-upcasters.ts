import { EVENT_CONTRACTS, type EventContract, type EventProducingService } from '@kompeten/contracts';
import { contractUpcasters, type UpcasterRegistry } from '@kompeten/event-store';

/**
 * Opens a service's events as the service and its readers do: the registry the event store builds
 * from libs/contracts (`contractUpcasters`: each type's current version and the upcasters that lead
 * there), for the contracts of that service: an old version is upcast exactly as a live projection
 * or consumer upcasts it.
 * `contracts` is for tests that rehearse a schema change (a contract with a newer version and its upcaster).
 */
export function serviceUpcasters(
  service: EventProducingService,
  contracts: readonly EventContract[] = EVENT_CONTRACTS,
): UpcasterRegistry {
  return contractUpcasters(contracts.filter((c) => c.service === service || c.alsoProducedBy?.includes(service)));
}
