import { eventTopic } from '@kompeten/contracts';
import type { BudgetEvent } from '@kompeten/contracts';
import { EventStore, eventStoreMigrations } from '@kompeten/event-store';
import { encodeRecord } from '@kompeten/messaging';
import { createTestDatabase, migratedDataSource, testKafka } from '@kompeten/testing';

/**
 * Stands in for the budget service (its own issue) in the enrolment service's tests: a real event
 * store appends the budget's answer and it is published to the real budget topic in the real wire
 * format — only the budget's decision is scripted.
 */
export async function fakeBudget() {
  const db = await createTestDatabase('fake_budget');
  const ds = await migratedDataSource(db, eventStoreMigrations);
  const store = new EventStore(ds);
  const producer = testKafka('fake-budget').producer();
  await producer.connect();
  return {
    /** Publishes the budget's answer; resolves to its event id (the consumer records it once applied). */
    async answer(event: BudgetEvent, correlationId = 'saga'): Promise<string> {
      const [stored] = await store.append(
        `budget-test-${event.type}-${Date.now()}-${Math.random()}`,
        'no-stream',
        [{ type: event.type, data: event.data }],
        { actor: 'service:budget', correlationId, causationId: null },
      );
      const [record] = await store.readRecords(stored.position - 1, 1);
      await producer.send({ topic: eventTopic('budget'), messages: [encodeRecord(record)] });
      return stored.eventId;
    },
    async stop() {
      await producer.disconnect();
      await ds.destroy();
      await db.drop();
    },
  };
}
