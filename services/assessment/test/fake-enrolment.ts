import { eventTopic } from '@kompeten/contracts';
import type { ProgrammeEvent, StaffEvent } from '@kompeten/contracts';
import { EventStore, eventStoreMigrations } from '@kompeten/event-store';
import { encodeRecord } from '@kompeten/messaging';
import { createTestDatabase, migratedDataSource, testKafka } from '@kompeten/testing';

/**
 * Stands in for the enrolment service in the assessment service's own tests: a real event store
 * appends the events to the enrolment's stream ids (staff-<nip>, programme-<id>: the same Kafka keys,
 * so the same per-stream order) and they are published to the real enrolment topic in the real wire
 * format — only the enrolment's decisions are scripted. test/assessment boots the real one.
 */
export async function fakeEnrolment() {
  const db = await createTestDatabase('fake_enrolment');
  const ds = await migratedDataSource(db, eventStoreMigrations);
  const store = new EventStore(ds);
  const producer = testKafka('fake-enrolment').producer();
  await producer.connect();
  const streamOf = (e: StaffEvent | ProgrammeEvent) =>
    'programmeId' in e.data ? `programme-${e.data.programmeId}` : `staff-${e.data.nip}`;
  return {
    /** Appends and publishes each event in order; returns them as stored (occurredAt is today's real time). */
    async publish(...events: (StaffEvent | ProgrammeEvent)[]) {
      const published = [];
      for (const event of events) {
        const [stored] = await store.append(streamOf(event), 'any', [{ type: event.type, data: event.data }], {
          actor: 'service:enrolment',
          correlationId: 'test',
          causationId: null,
        });
        const [record] = await store.readRecords(stored.position - 1, 1);
        await producer.send({ topic: eventTopic('enrolment'), messages: [encodeRecord(record)] });
        published.push(stored);
      }
      return published;
    },
    async stop() {
      await producer.disconnect();
      await ds.destroy();
      await db.drop();
    },
  };
}
