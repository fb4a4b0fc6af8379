import type { QueryRunner } from 'typeorm';
import type { DomainEvent, StoredEvent } from '@kompeten/event-store';
import { handlerFor, HandlerMap, typesOf } from '../shared/handler-map';

/**
 * Applies one event to a read model (or reacts to it), inside the transaction it is given — do not
 * commit it yourself. Built with `eventHandler`, it also names the event types it handles, and a
 * consumer skips the others before opening them (so a new version of a type it ignores is never
 * dead-lettered). A bare function handles every type.
 */
export interface EventHandler<E extends DomainEvent = DomainEvent> {
  (event: StoredEvent, tx: QueryRunner): Promise<void>;
  readonly eventTypes?: readonly E['type'][];
  /**
   * Optional, for read models: applies several events (in log order, each new to this consumer, of
   * the types it names) with the same effect as calling the handler on each in turn, in fewer
   * statements. A consumer with `applyInBatches` hands it each slice it applies in one transaction;
   * one statement per event is what bounds a consumer there (BENCHMARKS.md, consumer), as it bounded
   * a rebuild before `Projection.applyBatch`. Add it with `withApplyBatch`.
   */
  readonly applyBatch?: (events: StoredEvent[], tx: QueryRunner) => Promise<void>;
}

/**
 * The handler with a set-based `applyBatch` beside it; both must have the same effect (a test that
 * applies the same events both ways and compares the tables is the way to keep them so).
 */
export function withApplyBatch<H extends EventHandler>(
  handler: H,
  applyBatch: (events: StoredEvent[], tx: QueryRunner) => Promise<void>,
): H & { readonly applyBatch: (events: StoredEvent[], tx: QueryRunner) => Promise<void> } {
  const copy = ((event: StoredEvent, tx: QueryRunner) => handler(event, tx)) as H;
  return Object.assign(copy, { eventTypes: handler.eventTypes, applyBatch });
}

/**
 * A consumer's handler from one function per event type, each given that type's event:
 *
 *     export const applyToStaffRoster = eventHandler<StaffEvent>({
 *       StaffRegistered: ({ data }, tx) => tx.query(…, [data.nip, data.workUnit.opd]),
 *       StaffLeft: ({ data }, tx) => …,
 *     });
 *
 * `E` is the union the events come from (a stream's, or several); the keys of the map are the types
 * handled (`eventTypes`), and any other event it is handed is ignored.
 */
export function eventHandler<E extends DomainEvent>(
  on: HandlerMap<E, [tx: QueryRunner]>,
): EventHandler<E> & { readonly eventTypes: readonly E['type'][] } {
  const handle = async (event: StoredEvent, tx: QueryRunner): Promise<void> => {
    await handlerFor<StoredEvent, [QueryRunner]>(on, event.type)?.(event, tx);
  };
  return Object.assign(handle, { eventTypes: typesOf(on) });
}
