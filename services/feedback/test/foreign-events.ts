import { eventTopic, EventProducingService } from '@kompeten/contracts';
import { EventStore, eventStoreMigrations } from '@kompeten/event-store';
import { encodeRecord, EventMessage } from '@kompeten/messaging';
import { createTestDatabase, migratedDataSource, testKafka } from '@kompeten/testing';

export interface ForeignEvent {
  service: EventProducingService;
  streamId: string;
  type: string;
  data: unknown;
  occurredAt?: Date;
  /** The contract version the data is written in (default: the current one); an older one is upcast by the reader. */
  schemaVersion?: number;
}

/**
 * Stands in for the enrolment, assessment and budget services: a real event store appends each
 * event and it is published to that service's real topic in the real wire format (key = stream id,
 * headers, hashed record) — only the other services' decisions are scripted.
 */
export async function foreignServices() {
  const db = await createTestDatabase('fake_foreign');
  const ds = await migratedDataSource(db, eventStoreMigrations);
  const store = new EventStore(ds);
  const producer = testKafka('fake-foreign').producer();
  await producer.connect();
  return {
    /** Appends in order (one stream keeps its order on its partition) and publishes per topic in one batch. */
    async publish(events: ForeignEvent[]) {
      const byTopic = new Map<string, EventMessage[]>();
      for (const e of events) {
        const [stored] = await store.append(
          e.streamId,
          'any',
          [{ type: e.type, data: e.data, occurredAt: e.occurredAt, schemaVersion: e.schemaVersion }],
          { actor: `service:${e.service}`, correlationId: 'feedback-test', causationId: null },
        );
        const [record] = await store.readRecords(stored.position - 1, 1);
        const topic = eventTopic(e.service);
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), encodeRecord(record)]);
      }
      for (const [topic, messages] of byTopic) await producer.send({ topic, messages });
    },
    async stop() {
      await producer.disconnect();
      await ds.destroy();
      await db.drop();
    },
  };
}
