import type { EventMetadata, EventStore, NewEvent } from '@kompeten/event-store';

/** Object mothers for the enrolment service's events, shaped as libs/contracts describes them. */
const unit = { opd: 'DINKES', serviceUnit: 'PKM-GULAI-BANCAH' };
export const meta = (correlationId: string): EventMetadata => ({
  actor: 'user:officer-bkpsdm',
  correlationId,
  causationId: null,
});

export const nipOf = (i: number) => `19860926201505${String(1000 + i).slice(-4)}`;

export async function registerStaff(store: EventStore, i: number): Promise<void> {
  const nip = nipOf(i);
  await store.append(
    `staff-${nip}`,
    'no-stream',
    [
      {
        type: 'StaffRegistered',
        data: {
          nip,
          name: `Perawat ${i}`,
          employmentType: 'PNS',
          workUnit: unit,
          position: 'Perawat Ahli Pertama',
          registeredOn: '2025-01-06',
          positionSince: '2025-01-06',
        },
        personal: { subject: `staff:${nip}`, fields: ['name'] },
      },
    ],
    meta(`reg-${i}`),
  );
}

export async function publishProgramme(store: EventStore, programmeId: string, sessions = 3): Promise<void> {
  await store.append(
    `programme-${programmeId}`,
    'no-stream',
    [
      {
        type: 'ProgrammePublished',
        data: {
          programmeId,
          title: `Komunikasi efektif dan manajemen pasien (${programmeId})`,
          competencyType: 'teknis',
          competencyArea: 'pelayanan-kesehatan',
          form: 'klasikal',
          universityPartner: null,
          jp: 24,
          costPerParticipant: 1_750_000,
          capacity: 500,
          fundingOpd: 'DINKES',
          sessions: Array.from({ length: sessions }, (_, s) => ({
            sessionId: `s${s + 1}`,
            date: `2026-03-${String(10 + s).padStart(2, '0')}`,
            title: `Sesi ${s + 1}`,
          })),
          completionRule: null,
          releaseRequired: false,
        },
      },
    ],
    meta(`pub-${programmeId}`),
  );
}

const enrolmentId = (programmeId: string, i: number) => `enr-${programmeId}-${i}`;

/** Appends to a programme stream (the caller serialises appends per stream). */
export async function onProgramme(
  store: EventStore,
  programmeId: string,
  events: NewEvent[],
  correlationId: string,
): Promise<void> {
  await store.append(`programme-${programmeId}`, 'any', events, meta(correlationId));
}

export const enrolled = (programmeId: string, i: number): NewEvent => ({
  type: 'StaffEnrolled',
  data: {
    enrolmentId: enrolmentId(programmeId, i),
    programmeId,
    nip: nipOf(i),
    workUnit: unit,
    fundingOpd: 'DINKES',
    costPerParticipant: 1_750_000,
    jp: 24,
    competencyType: 'teknis',
    competencyArea: 'pelayanan-kesehatan',
    year: 2026,
  },
});
export const confirmed = (programmeId: string, i: number): NewEvent => ({
  type: 'EnrolmentConfirmed',
  data: { enrolmentId: enrolmentId(programmeId, i), programmeId, nip: nipOf(i), commitmentId: `cmt-${i}` },
});
export const attended = (programmeId: string, i: number, session: string, present = true): NewEvent => ({
  type: present ? 'SessionAttended' : 'SessionMissed',
  data: { enrolmentId: enrolmentId(programmeId, i), programmeId, nip: nipOf(i), sessionId: session },
});
export const completed = (programmeId: string, i: number): NewEvent => ({
  type: 'TrainingCompleted',
  data: {
    enrolmentId: enrolmentId(programmeId, i),
    programmeId,
    nip: nipOf(i),
    jp: 24,
    year: 2026,
    completedOn: '2026-03-12',
    competencyType: 'teknis',
    competencyArea: 'pelayanan-kesehatan',
    workUnit: unit,
    fundingOpd: 'DINKES',
    costPerParticipant: 1_750_000,
  },
});
export const withdrawn = (programmeId: string, i: number): NewEvent => ({
  type: 'EnrolmentWithdrawn',
  data: {
    enrolmentId: enrolmentId(programmeId, i),
    programmeId,
    nip: nipOf(i),
    reason: 'workload',
    note: 'jadwal jaga malam',
    wasConfirmed: true,
  },
});
export const progress = (programmeId: string, i: number, n: number): NewEvent => ({
  type: 'LearningProgressRecorded',
  data: {
    enrolmentId: enrolmentId(programmeId, i),
    programmeId,
    nip: nipOf(i),
    statementId: `stmt-${programmeId}-${i}-${n}`,
    verb: n % 4 === 0 ? 'scored' : 'spent',
    moduleId: `modul-${(n % 7) + 1}-komunikasi-terapeutik-dan-empati`,
    score: n % 4 === 0 ? 70 + (n % 30) + 0.5 : null,
    seconds: n % 4 === 0 ? null : 60 + (n % 900),
    deviceTimestamp: '2026-03-11T09:15:27.123+07:00',
  },
});

/**
 * Phase one of a small programme: staff registered, enrolled and confirmed, first session marked.
 * Returns the staff indexes.
 */
export async function firstPhase(store: EventStore, programmeId: string, staff: number): Promise<number[]> {
  const people = Array.from({ length: staff }, (_, i) => i + 1);
  for (const i of people) await registerStaff(store, i);
  await publishProgramme(store, programmeId);
  for (const i of people)
    await onProgramme(store, programmeId, [enrolled(programmeId, i), confirmed(programmeId, i)], `enrol-${i}`);
  for (const i of people)
    await onProgramme(store, programmeId, [attended(programmeId, i, 's1', i % 3 !== 0)], `att-${i}`);
  return people;
}

/** Phase two changes the same rows: more sessions, completions, a withdrawal, a title revision. */
export async function secondPhase(store: EventStore, programmeId: string, people: number[]): Promise<void> {
  for (const i of people) {
    if (i === 2) await onProgramme(store, programmeId, [withdrawn(programmeId, i)], `wd-${i}`);
    else
      await onProgramme(
        store,
        programmeId,
        [attended(programmeId, i, 's2'), attended(programmeId, i, 's3'), completed(programmeId, i)],
        `done-${i}`,
      );
  }
  await onProgramme(
    store,
    programmeId,
    [{ type: 'ProgrammeRevised', data: { programmeId, changes: { title: 'Komunikasi efektif (revisi)' } } }],
    'rev',
  );
}
