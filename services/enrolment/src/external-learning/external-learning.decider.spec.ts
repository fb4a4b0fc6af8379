import type { ExternalLearningEvent, ExternalLearningRecorded } from '@kompeten/contracts';
import { DomainError, givenEvents, refusalOf } from '@kompeten/domain';
import type { ExternalLearningCommand } from './external-learning.commands';
import { externalLearningDecider } from './external-learning.decider';

const given = (...events: ExternalLearningEvent[]) => givenEvents(externalLearningDecider, events);
const NIP = '198609262015051001';
const ID = '0190a6f2-8b7c-7d4e-9f00-112233445566';
const workUnit = { opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' };
const evidence = { kind: 'document', reference: 'DMS-2026-0042', sha256: 'a'.repeat(64) } as const;

const record = (over: Partial<Extract<ExternalLearningCommand, { type: 'RecordExternalLearning' }>> = {}) =>
  ({
    type: 'RecordExternalLearning',
    learningId: ID,
    nip: NIP,
    workUnit,
    staffActive: true,
    form: 'seminar',
    title: 'Seminar nasional keselamatan pasien',
    provider: 'PERSI',
    startDate: '2026-03-10',
    endDate: '2026-03-11',
    minutes: 600,
    evidence,
    providerCertificateNumber: 'PERSI/2026/117',
    competencyType: 'teknis',
    competencyArea: 'patient-management',
    today: '2026-03-12',
    ...over,
  }) satisfies ExternalLearningCommand;
const verify = (alreadyCredited = 0): ExternalLearningCommand => ({
  type: 'VerifyExternalLearning',
  learningId: ID,
  alreadyCredited,
  today: '2026-03-20',
});
const reject = (reason: 'duplicate' | 'evidence-unreadable' = 'duplicate'): ExternalLearningCommand => ({
  type: 'RejectExternalLearning',
  learningId: ID,
  reason,
  note: null,
  today: '2026-03-20',
});
const recordedData: ExternalLearningRecorded['data'] = {
  learningId: ID,
  nip: NIP,
  workUnit,
  form: 'seminar',
  title: 'Seminar nasional keselamatan pasien',
  provider: 'PERSI',
  startDate: '2026-03-10',
  endDate: '2026-03-11',
  minutes: 600,
  evidence,
  providerCertificateNumber: 'PERSI/2026/117',
  competencyType: 'teknis',
  competencyArea: 'patient-management',
  recordedOn: '2026-03-12',
};
const recorded: ExternalLearningEvent = { type: 'ExternalLearningRecorded', data: recordedData };
const verified = given(recorded).when(verify())[0];
const rejected: ExternalLearningEvent = {
  type: 'ExternalLearningRejected',
  data: { learningId: ID, nip: NIP, reason: 'duplicate', note: null, rejectedOn: '2026-03-20' },
};

const refusal = refusalOf;
const fieldOf = (e: DomainError) => (e.extensions as { errors: { field: string }[] }).errors[0].field;

describe('recording external learning', () => {
  it('given nothing, when the staff member records a seminar, then it is recorded as of the city’s today', () => {
    expect(given().when(record())).toEqual([recorded]);
  });
  it('a one-day course may start and end on the city’s today', () => {
    const day = { startDate: '2026-03-12', endDate: '2026-03-12', minutes: 480 };
    expect(given().when(record(day))).toHaveLength(1);
  });
  it('refuses an end before the start, and an end after the city’s today, naming endDate', () => {
    expect(fieldOf(refusal(() => given().when(record({ startDate: '2026-03-12', endDate: '2026-03-11' }))))).toBe(
      'endDate',
    );
    expect(fieldOf(refusal(() => given().when(record({ endDate: '2026-03-13' }))))).toBe('endDate');
  });
  it('refuses more minutes than the days hold (two days: at most 2 880 minutes)', () => {
    expect(given().when(record({ minutes: 2880 }))).toHaveLength(1);
    expect(fieldOf(refusal(() => given().when(record({ minutes: 2881 }))))).toBe('minutes');
  });
  it('refuses a staff member who has left', () => {
    expect(refusal(() => given().when(record({ staffActive: false }))).slug).toBe('staff-left');
  });
  it('a resend of a recorded id appends nothing', () => {
    expect(given(recorded).when(record())).toEqual([]);
  });
});

describe('verifying it', () => {
  it('credits ⌊600 / 45⌋ = 13 JP… capped at the seminar’s 8 JP a year, to the year of the end date', () => {
    expect(verified).toEqual({
      type: 'ExternalLearningVerified',
      data: {
        learningId: ID,
        nip: NIP,
        workUnit,
        form: 'seminar',
        jpCredited: 8,
        jpEarned: 13,
        year: 2026,
        completedOn: '2026-03-11',
        verifiedOn: '2026-03-20',
        capApplied: true,
        competencyType: 'teknis',
        competencyArea: 'patient-management',
      },
    });
  });
  it('given 6 seminar JP already credited this year, credits the 2 left under the cap', () => {
    const [e] = given(recorded).when(verify(6));
    expect(e.data).toMatchObject({ jpCredited: 2, jpEarned: 13, capApplied: true });
  });
  it('an uncapped course credits every whole 45 minutes', () => {
    const course: ExternalLearningEvent = {
      type: 'ExternalLearningRecorded',
      data: { ...recordedData, form: 'course' },
    };
    const [e] = given(course).when(verify(40));
    expect(e.data).toMatchObject({ jpCredited: 13, jpEarned: 13, capApplied: false });
  });
  it('verifying a verified record again appends nothing', () => {
    expect(given(recorded, verified).when(verify())).toEqual([]);
  });
  it('verifying a rejected record is a 409 that says it is rejected', () => {
    expect(refusal(() => given(recorded, rejected).when(verify()))).toMatchObject({
      kind: 'conflict',
      slug: 'external-learning-rejected',
      extensions: { currentState: 'rejected' },
    });
  });
  it('an unknown record: 404', () => {
    expect(refusal(() => given().when(verify())).kind).toBe('not-found');
  });
});

describe('rejecting it', () => {
  it('given a recorded seminar, when the officer rejects it as a duplicate, then it is rejected with no JP', () => {
    expect(given(recorded).when(reject())).toEqual([rejected]);
  });
  it('rejecting a rejected record again appends nothing', () => {
    expect(given(recorded, rejected).when(reject('evidence-unreadable'))).toEqual([]);
  });
  it('rejecting a verified record is a 409; an unknown one a 404', () => {
    expect(refusal(() => given(recorded, verified).when(reject())).slug).toBe('external-learning-verified');
    expect(refusal(() => given().when(reject())).kind).toBe('not-found');
  });
});
