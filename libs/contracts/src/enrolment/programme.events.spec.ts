import {
  PROGRAMME_EVENTS,
  type ProgrammePublished,
  type StaffEnrolled,
  type TrainingCompleted,
  type TrainingNotCompleted,
} from './programme.events';

/** Reads `v1` (frozen, as the old release stored it) through the contract's upcasters to its current version. */
/** Reads `old`, stored at `version` (1 unless said), through the contract's upcasters to its current version. */
const read = (type: string, old: object, version = 1) => {
  const contract = PROGRAMME_EVENTS.find((c) => c.type === type)!;
  let data = old as Record<string, unknown>;
  for (let from = version; from < contract.version; from++)
    data = contract.upcasters!.find((u) => u.fromVersion === from)!.upcast(data) as Record<string, unknown>;
  return data;
};
/** A session's v3 fields, as a v1/v2 session reads: the whole day, place and trainer not recorded. */
const WHOLE_DAY = Object.freeze({ startTime: null, endTime: null, venue: null, onlineUrl: null, trainer: null });
const WORK_UNIT = Object.freeze({ opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' });
const IDS = Object.freeze({
  enrolmentId: '0193a3c4-0000-7000-8000-00000000e001',
  programmeId: 'kom-efektif-2026',
  nip: '198609262015051001',
});

describe('the programme contracts read their old events as the current version', () => {
  it('are each at their version with an upcaster from every earlier one', () => {
    const versions = Object.fromEntries(
      [
        'ProgrammePublished',
        'ProgrammeRevised',
        'StaffEnrolled',
        'EnrolmentWaitlisted',
        'TrainingCompleted',
        'TrainingNotCompleted',
      ].map((type) => {
        const contract = PROGRAMME_EVENTS.find((c) => c.type === type)!;
        return [type, [contract.version, contract.upcasters?.map((u) => u.fromVersion)]];
      }),
    );
    expect(versions).toEqual({
      // v3: sessions with times, place and trainer; the unit head's release.
      ProgrammePublished: [3, [1, 2]],
      ProgrammeRevised: [3, [1, 2]],
      // StaffEnrolled v3, EnrolmentWaitlisted v2: the need read at enrolment (issue #20).
      StaffEnrolled: [3, [1, 2]],
      EnrolmentWaitlisted: [2, [1]],
      TrainingCompleted: [2, [1]],
      TrainingNotCompleted: [2, [1]],
    });
  });

  it('ProgrammePublished: the year of the first session, 80 % attendance, enrolment closing at the first session, whole-day sessions, no release asked', () => {
    const v1 = Object.freeze({
      programmeId: 'kom-efektif-2026',
      title: 'Komunikasi efektif dan manajemen pasien',
      competencyType: 'teknis',
      competencyArea: 'patient-management',
      form: 'klasikal',
      universityPartner: null,
      jp: 24,
      costPerParticipant: 1_500_000,
      capacity: 30,
      fundingOpd: 'DINKES',
      sessions: [{ sessionId: 's1', date: '2026-02-02', title: 'Hari 1' }],
      completionRule: null,
    });
    expect(read('ProgrammePublished', v1)).toEqual<ProgrammePublished['data']>({
      ...(v1 as ProgrammePublished['data']),
      sessions: [{ ...WHOLE_DAY, sessionId: 's1', date: '2026-02-02', title: 'Hari 1' }],
      fiscalYear: null,
      attendanceThreshold: 0.8,
      lateEnrolment: false,
      releaseRequired: false,
    });
  });

  it('ProgrammeRevised: v2 sessions become whole days with no place or trainer', () => {
    const contract = PROGRAMME_EVENTS.find((c) => c.type === 'ProgrammeRevised')!;
    const v2 = Object.freeze({
      programmeId: 'kom-efektif-2026',
      changes: { lateEnrolment: true, sessions: [{ sessionId: 's1', date: '2026-02-09', title: 'Hari 1' }] },
    });
    expect(contract.upcasters!.find((u) => u.fromVersion === 2)!.upcast(v2)).toEqual({
      programmeId: 'kom-efektif-2026',
      changes: {
        lateEnrolment: true,
        sessions: [{ ...WHOLE_DAY, sessionId: 's1', date: '2026-02-09', title: 'Hari 1' }],
      },
    });
  });

  it('ProgrammeRevised: a v1 revision names none of the new settings and reads as it is', () => {
    const v1 = Object.freeze({ programmeId: 'kom-efektif-2026', changes: { capacity: 40 } });
    expect(read('ProgrammeRevised', v1)).toEqual(v1);
  });

  it('StaffEnrolled: the first funds request, the day unknown', () => {
    const v1 = Object.freeze({
      ...IDS,
      workUnit: WORK_UNIT,
      fundingOpd: 'DINKES',
      costPerParticipant: 1_500_000,
      jp: 24,
      competencyType: 'teknis',
      competencyArea: 'patient-management',
      year: 2026,
    });
    expect(read('StaffEnrolled', v1)).toEqual<StaffEnrolled['data']>({
      ...(v1 as Omit<StaffEnrolled['data'], 'attempt' | 'enrolledOn' | 'need'>),
      attempt: 1,
      enrolledOn: null,
      need: null,
    });
  });

  it('StaffEnrolled v2 and EnrolmentWaitlisted v1: made before the need was recorded, so none is', () => {
    const v2 = Object.freeze({
      ...IDS,
      workUnit: WORK_UNIT,
      fundingOpd: 'DINKES',
      costPerParticipant: 1_500_000,
      jp: 24,
      competencyType: 'teknis',
      competencyArea: 'patient-management',
      year: 2026,
      attempt: 2,
      enrolledOn: '2026-03-02',
    });
    expect(read('StaffEnrolled', v2, 2)).toEqual({ ...v2, need: null });
    const waitlisted = Object.freeze({
      ...IDS,
      workUnit: WORK_UNIT,
      reason: 'capacity',
      detail: 'all 2 seats are taken',
    });
    expect(read('EnrolmentWaitlisted', waitlisted)).toEqual({ ...waitlisted, need: null });
  });

  it('TrainingCompleted: no attendance override', () => {
    const v1 = Object.freeze({
      ...IDS,
      jp: 24,
      year: 2026,
      completedOn: '2026-02-03',
      competencyType: 'teknis',
      competencyArea: 'patient-management',
      workUnit: WORK_UNIT,
      fundingOpd: 'DINKES',
      costPerParticipant: 1_500_000,
    });
    expect(read('TrainingCompleted', v1)).toEqual<TrainingCompleted['data']>({
      ...(v1 as Omit<TrainingCompleted['data'], 'attendanceOverride'>),
      attendanceOverride: null,
    });
  });

  it('TrainingNotCompleted: the free-text reason becomes the note of `other`, word for word', () => {
    const v1 = Object.freeze({ ...IDS, reason: 'Hadir kurang dari 80% sesi' });
    expect(read('TrainingNotCompleted', v1)).toEqual<TrainingNotCompleted['data']>({
      ...IDS,
      reason: 'other',
      note: 'Hadir kurang dari 80% sesi',
    });
  });
});
