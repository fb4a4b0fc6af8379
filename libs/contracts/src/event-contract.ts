import type { EventProducingService } from './topics';

/** What the catalogue says about one event type (also the source for the AsyncAPI document). */
export interface EventContract {
  /** The persisted type string: explicit, never derived from a class name. */
  type: string;
  /** The current schema version; older versions are upcast on read. */
  version: number;
  service: EventProducingService;
  /** Stream id pattern, e.g. `staff-<nip>`; also the Kafka message key. */
  stream: string;
  description: string;
  /** Payload fields stored encrypted per person (crypto-shredding). */
  personalFields?: string[];
}

/** Current schema version per type, as the event store's UpcasterRegistry wants it. */
export const currentVersions = (contracts: EventContract[]) =>
  Object.fromEntries(contracts.map((c) => [c.type, c.version]));
