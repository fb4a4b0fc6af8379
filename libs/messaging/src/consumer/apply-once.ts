import type { DataSource, QueryRunner } from 'typeorm';
import type { StoredEvent } from '@kompeten/event-store';
import { inTransaction } from '../postgres/in-transaction';

/** Applies one event to a read model, inside the transaction it is given (do not commit it yourself). */
export type EventHandler = (event: StoredEvent, tx: QueryRunner) => Promise<void>;

/**
 * One transaction: claim (consumer, event id) in msg_processed, then run the handler. If the claim
 * already exists the event was applied before (a redelivery) and nothing is done. Both commit or
 * neither does, so an event is applied exactly once however often Kafka delivers it.
 */
export function applyOnce(dataSource: DataSource, consumer: string, event: StoredEvent, handle: EventHandler): Promise<'applied' | 'duplicate'> {
  return inTransaction(dataSource, async (tx) => {
    // A concurrent claim of the same id (two group members during a rebalance) waits here for the other to finish.
    const claimed: unknown[] = await tx.query(
      'insert into msg_processed (consumer, event_id) values ($1, $2) on conflict do nothing returning event_id',
      [consumer, event.eventId],
    );
    if (claimed.length === 0) return 'duplicate';
    await handle(event, tx);
    return 'applied';
  });
}
