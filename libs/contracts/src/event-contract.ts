import type { EventProducingService } from './topics';

/**
 * One step of an event type's schema history: reads the data as version `fromVersion` stored it and
 * returns it as version `fromVersion + 1`. Old versions stay frozen in the log and are never
 * rewritten; every reader upcasts them on the way in. Name the shape the old version holds, e.g.
 * `upcast: ({ unit, ...rest }: { unit: string }) => ({ ...rest, workUnit: { opd: unit } })`.
 */
export interface ContractUpcaster<From = Record<string, unknown>> {
  fromVersion: number;
  upcast(data: From): unknown;
}

/** What the catalogue says about one event type (also the source for the AsyncAPI document). */
export interface EventContract {
  /** The persisted type string: explicit, never derived from a class name. */
  type: string;
  /** The current schema version; older versions are upcast on read. */
  version: number;
  service: EventProducingService;
  /** Other services that append this type to their own log too (PersonalDataErased: every service). */
  alsoProducedBy?: EventProducingService[];
  /** Stream id pattern, e.g. `staff-<nip>`; also the Kafka message key (a sub-stream `<parent>/<child>` is keyed by its parent). */
  stream: string;
  description: string;
  /** Payload fields stored encrypted per person (crypto-shredding). */
  personalFields?: string[];
  /**
   * One upcaster per older version (1 … version − 1), each to the next: every event store, consumer
   * and projection reads old events through them (the event store's `contractUpcasters`).
   */
  upcasters?: ContractUpcaster[];
}

/** Current schema version per type, as the event store's UpcasterRegistry wants it. */
export const currentVersions = (contracts: readonly EventContract[]) =>
  Object.fromEntries(contracts.map((c) => [c.type, c.version]));
