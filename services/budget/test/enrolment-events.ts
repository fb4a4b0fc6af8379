import { v7 as uuidv7 } from 'uuid';
import { eventTopic, StaffEnrolled } from '@kompeten/contracts';
import { EventStore, eventStoreMigrations, StoredEvent } from '@kompeten/event-store';
import { encodeRecord } from '@kompeten/messaging';
import { createTestDatabase, migratedDataSource, testKafka } from '@kompeten/testing';

/** Object mother: a StaffEnrolled as the enrolment service writes it. */
export const staffEnrolled = (
  opd: string,
  i: number,
  over: Partial<StaffEnrolled['data']> = {},
): StaffEnrolled['data'] => ({
  enrolmentId: uuidv7(),
  programmeId: `${opd.toLowerCase()}-p${i}`,
  nip: `1980010120100110${String(i).padStart(2, '0')}`,
  workUnit: { opd, serviceUnit: null },
  fundingOpd: opd,
  costPerParticipant: 1_500_000,
  jp: 24,
  competencyType: 'teknis',
  competencyArea: 'patient-management',
  year: 2026,
  ...over,
});

/** The event as a consumer hands it to a reaction (what arrives after decoding and opening). */
export const asStored = (data: StaffEnrolled['data']): StoredEvent => ({
  eventId: uuidv7(),
  type: 'StaffEnrolled',
  schemaVersion: 1,
  streamId: `programme-${data.programmeId}`,
  streamVersion: 1,
  position: 1,
  occurredAt: new Date().toISOString(),
  recordedAt: new Date().toISOString(),
  metadata: { actor: 'service:enrolment', correlationId: `corr-${data.enrolmentId}`, causationId: null },
  data,
  prevHash: '',
  hash: '',
});

/**
 * Stands in for the enrolment service where a test needs many enrolments at once: a real event store
 * appends them (real ids, positions, hashes) and they go to the real enrolment topic in the real wire
 * format. The saga test (test/saga) uses the real enrolment service instead.
 */
export async function fakeEnrolment() {
  const db = await createTestDatabase('fake_enrolment');
  const ds = await migratedDataSource(db, eventStoreMigrations);
  const store = new EventStore(ds);
  const producer = testKafka('fake-enrolment').producer();
  await producer.connect();
  return {
    async publish(events: StaffEnrolled['data'][]) {
      const messages = [];
      for (const data of events) {
        const [stored] = await store.append(`programme-${data.programmeId}`, 'any', [{ type: 'StaffEnrolled', data }], {
          actor: 'service:enrolment',
          correlationId: `corr-${data.enrolmentId}`,
          causationId: null,
        });
        const [record] = await store.readRecords(stored.position - 1, 1);
        messages.push(encodeRecord(record));
      }
      await producer.send({ topic: eventTopic('enrolment'), messages });
    },
    async stop() {
      await producer.disconnect();
      await ds.destroy();
      await db.drop();
    },
  };
}
