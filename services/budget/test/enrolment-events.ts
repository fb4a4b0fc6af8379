import { v7 as uuidv7 } from 'uuid';
import { eventTopic, type ProgrammeEvent, type StaffEnrolled } from '@kompeten/contracts';
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
  attempt: 1,
  enrolledOn: '2026-11-20',
  need: null,
  ...over,
});

/** The enrolment's later events, as the enrolment service writes them, about an enrolment made by {@link staffEnrolled}. */
export const laterEvent = {
  withdrawn: (e: StaffEnrolled['data']): ProgrammeEvent => ({
    type: 'EnrolmentWithdrawn',
    data: { ...ids(e), reason: 'workload', note: null, wasConfirmed: false },
  }),
  waitlisted: (e: StaffEnrolled['data'], reason: 'capacity' | 'funds'): ProgrammeEvent => ({
    type: 'EnrolmentWaitlisted',
    data: { ...ids(e), workUnit: e.workUnit, reason, detail: null, need: null },
  }),
  /** An officer's re-request: the same enrolment asks again. */
  reRequested: (e: StaffEnrolled['data']): ProgrammeEvent => ({
    type: 'StaffEnrolled',
    data: { ...e, attempt: e.attempt + 1 },
  }),
  cancelled: (programmeId: string): ProgrammeEvent => ({
    type: 'ProgrammeCancelled',
    data: { programmeId, reason: 'Narasumber berhalangan', affectedNips: [] },
  }),
};
const ids = (e: StaffEnrolled['data']) => ({ enrolmentId: e.enrolmentId, programmeId: e.programmeId, nip: e.nip });

/** The event as a consumer hands it to a reaction (what arrives after decoding and opening). */
export const asStored = (event: StaffEnrolled['data'] | ProgrammeEvent): StoredEvent => {
  const { type, data } = 'type' in event ? event : { type: 'StaffEnrolled', data: event };
  return {
    eventId: uuidv7(),
    type,
    schemaVersion: 2,
    streamId: `programme-${data.programmeId}`,
    streamVersion: 1,
    position: 1,
    occurredAt: new Date().toISOString(),
    recordedAt: new Date().toISOString(),
    metadata: { actor: 'service:enrolment', correlationId: `corr-${data.programmeId}`, causationId: null },
    data,
    prevHash: '',
    hash: '',
  };
};

/**
 * Stands in for the enrolment service where a test needs many enrolments at once: a real event store
 * appends them (real ids, positions, hashes) and they go to the real enrolment topic in the real wire
 * format. The saga test (test/saga) uses the real enrolment service instead.
 */
export async function fakeEnrolment(options: { clock?: () => Date } = {}) {
  const db = await createTestDatabase('fake_enrolment');
  const ds = await migratedDataSource(db, eventStoreMigrations);
  // `clock` dates the events (the budget dates a funds request by its StaffEnrolled's instant).
  const store = new EventStore(ds, { clock: options.clock });
  const producer = testKafka('fake-enrolment').producer();
  await producer.connect();
  return {
    /** StaffEnrolled for each (the data alone), or any programme event, in this order. */
    async publish(events: (StaffEnrolled['data'] | ProgrammeEvent)[]) {
      const messages = [];
      for (const event of events) {
        const { type, data } = 'type' in event ? event : { type: 'StaffEnrolled' as const, data: event };
        const [stored] = await store.append(`programme-${data.programmeId}`, 'any', [{ type, data }], {
          actor: 'service:enrolment',
          correlationId: `corr-${data.programmeId}`,
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
