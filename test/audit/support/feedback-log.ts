import type { Kafka } from 'kafkajs';
import { eventTopic, EventProducingService } from '@kompeten/contracts';
import type { EventStore, NewEvent } from '@kompeten/event-store';
import { encodeRecord } from '@kompeten/messaging';
import { meta } from './enrolment-log';

/**
 * Object mothers for the events the feedback service copies from the enrolment, assessment and
 * budget services (shaped as services/feedback/test/feedback-correlation.int-spec.ts sends them).
 */
const workUnit = (unitCode: string) => ({ opd: 'DINKES', serviceUnit: unitCode });

export const staffRegistered = (nip: string, unitCode: string): NewEvent => ({
  type: 'StaffRegistered',
  data: {
    nip,
    name: null,
    employmentType: 'PNS',
    workUnit: workUnit(unitCode),
    position: 'Perawat',
    registeredOn: '2025-01-06',
    positionSince: '2025-01-06',
  },
});

export const trainingCompleted = (
  enrolmentId: string,
  programmeId: string,
  nip: string,
  unitCode: string,
  completedOn: string,
): NewEvent => ({
  type: 'TrainingCompleted',
  data: {
    enrolmentId,
    programmeId,
    nip,
    jp: 24,
    year: Number(completedOn.slice(0, 4)),
    completedOn,
    competencyType: 'teknis',
    competencyArea: 'pelayanan-kesehatan',
    workUnit: workUnit(unitCode),
    fundingOpd: 'DINKES',
    costPerParticipant: 1_750_000,
  },
});

export const expenditureRecorded = (
  enrolmentId: string,
  programmeId: string,
  nip: string,
  amount: number,
): NewEvent => ({
  type: 'ExpenditureRecorded',
  data: {
    budgetId: 'b-feedback',
    allocationId: 'a',
    commitmentId: `c-${enrolmentId}`,
    enrolmentId,
    programmeId,
    nip,
    committed: 1_750_000,
    amount,
    jp: 24,
  },
});

export const postAssessed = (
  assessmentId: string,
  programmeId: string,
  nip: string,
  assessedOn: string,
  learningGain: number,
): NewEvent => ({
  type: 'AssessmentRecorded',
  data: {
    assessmentId,
    nip,
    kind: 'post',
    competencyCode: 'KOM',
    enrolmentId: null,
    programmeId,
    assessor: 'user:assessor',
    method: 'observation',
    score: 3,
    level: 3,
    assessedOn,
    dueOn: assessedOn,
    late: false,
    learningGain,
  },
});

/** Appends to one stream of a stand-in service's own store (its log, which the audit replays). */
export const appendTo = (store: EventStore, streamId: string, events: NewEvent[]) =>
  store.append(streamId, 'any', events, meta(`feedback-audit-${streamId}`));

/** Publishes a stand-in service's whole log to that service's real topic, in the relay's wire format (the live feedback service consumes it). */
export async function publishLog(kafka: Kafka, store: EventStore, service: EventProducingService): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({
      topic: eventTopic(service),
      acks: -1,
      messages: (await store.readRecords(0, 10_000)).map(encodeRecord),
    });
  } finally {
    await producer.disconnect();
  }
}
