import type { DataSource } from 'typeorm';
import type { StoredEvent } from '@kompeten/event-store';
import { withContinuedTrace } from '@kompeten/tracing';
import { inTransaction } from '../postgres/in-transaction';
import type { EventHandler } from './apply-once';

/**
 * applyOnce for many events of one partition, in ONE transaction: claim every id in msg_processed
 * with one insert, then run the handler for the claimed ones in offset order. All commit or none
 * does. Returns the ids applied now; the others were applied before (redeliveries).
 *
 * Why: one transaction — one WAL flush, one round trip for the claims — per batch instead of per
 * event is what lets a read-model consumer keep up with a busy topic (BENCHMARKS.md, consumer).
 */
export function applyBatchOnce(
  dataSource: DataSource, consumer: string, events: StoredEvent[], handle: EventHandler, traceName: (e: StoredEvent) => string,
): Promise<Set<string>> {
  return inTransaction(dataSource, async (tx) => {
    const claimed: { event_id: string }[] = await tx.query(
      'insert into msg_processed (consumer, event_id) select $1, unnest($2::uuid[]) on conflict do nothing returning event_id',
      [consumer, events.map((e) => e.eventId)],
    );
    const fresh = new Set(claimed.map((c) => c.event_id));
    const applied = new Set<string>();
    for (const event of events) {
      // Kafka may hold the same event twice within one batch: the claim returns it once, apply it once.
      if (!fresh.has(event.eventId) || applied.has(event.eventId)) continue;
      await withContinuedTrace(traceName(event), event.metadata?.traceparent, { 'messaging.message.id': event.eventId }, () => handle(event, tx));
      applied.add(event.eventId);
    }
    return applied;
  });
}
