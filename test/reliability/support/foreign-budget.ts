import type { BudgetEvent } from '@kompeten/contracts';
import { EventStore, eventStoreMigrations } from '@kompeten/event-store';
import { EventMessage, encodeRecord } from '@kompeten/messaging';
import { createTestDatabase, migratedDataSource } from '@kompeten/testing';

/**
 * Budget events as the budget service would publish them (a real event store appends them, so the
 * records carry real positions and hashes), for tests that write straight onto the budget topic.
 */
export async function foreignBudget() {
  const db = await createTestDatabase('rel_foreign_budget');
  const ds = await migratedDataSource(db, eventStoreMigrations);
  const store = new EventStore(ds);
  return {
    async message(streamId: string, event: BudgetEvent): Promise<EventMessage> {
      const [stored] = await store.append(streamId, 'any', [{ type: event.type, data: event.data }], {
        actor: 'service:budget',
        correlationId: 'reliability-poison',
        causationId: null,
      });
      const [record] = await store.readRecords(stored.position - 1, 1);
      return encodeRecord(record);
    },
    async stop() {
      await ds.destroy();
      await db.drop();
    },
  };
}
