import type { DataSource } from 'typeorm';
import type { StoredEvent } from '@kompeten/event-store';
import { inTransaction } from '../postgres/in-transaction';
import type { EventHandler } from './event-handler';

/** Runs one handler call (the consumer wraps it in a span that continues the event's trace). */
export type AroundHandler = (event: StoredEvent, work: () => Promise<void>) => Promise<void>;
/** Runs one `applyBatch` call (the consumer wraps it in one span for the batch). */
export type AroundBatch = (events: StoredEvent[], work: () => Promise<void>) => Promise<void>;

/**
 * One transaction: claim every event id in msg_processed with one insert, then run the handler for
 * the claimed ones in order. An id already claimed was applied before (a redelivery) and is skipped;
 * claims and handler effects commit together or not at all, so an event is applied exactly once
 * however often Kafka delivers it. Returns the ids applied now. One event per call, or a batch of a
 * partition (`applyInBatches`: one WAL flush and one claim round trip per batch instead of per event);
 * a handler with `applyBatch` is then given the batch's claimed events in one call.
 */
export function applyOnce(
  dataSource: DataSource,
  consumer: string,
  events: StoredEvent[],
  handle: EventHandler,
  around: AroundHandler = (_, work) => work(),
  aroundBatch: AroundBatch = (_, work) => work(),
): Promise<Set<string>> {
  return inTransaction(dataSource, async (tx) => {
    // A concurrent claim of the same id (two group members during a rebalance) waits here for the other to finish.
    const claimed = await tx.manager.query<{ event_id: string }[]>(
      'insert into msg_processed (consumer, event_id) select $1, unnest($2::uuid[]) on conflict do nothing returning event_id',
      [consumer, events.map((e) => e.eventId)],
    );
    const fresh = new Set(claimed.map((c) => c.event_id));
    const applied = new Set<string>();
    const toApply: StoredEvent[] = [];
    for (const event of events) {
      // Kafka may hold the same event twice within one batch: the claim returns it once, apply it once.
      if (!fresh.has(event.eventId) || applied.has(event.eventId)) continue;
      applied.add(event.eventId);
      toApply.push(event);
    }
    const { applyBatch } = handle;
    if (applyBatch && toApply.length > 1) {
      await aroundBatch(toApply, () => applyBatch(toApply, tx));
    } else {
      for (const event of toApply) await around(event, () => handle(event, tx));
    }
    return applied;
  });
}
