import type { ProgrammeDetails, ProgrammeEvent, WorkUnit } from '@kompeten/contracts';
import { DomainError, givenEvents } from '@kompeten/domain';
import { programmeDecider } from './programme.decider';

// Asymmetric matchers (expect.objectContaining) are typed `any` by @types/jest: read as `unknown` here.

// Object mothers: a believable programme and the events that set the scene.
const PKM: WorkUnit = { opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' };
const details = (over: Partial<ProgrammeDetails> = {}): ProgrammeDetails => ({
  title: 'Komunikasi efektif dan manajemen pasien',
  competencyType: 'teknis',
  competencyArea: 'patient-management',
  form: 'klasikal',
  universityPartner: null,
  jp: 24,
  costPerParticipant: 1_500_000,
  capacity: 2,
  fundingOpd: 'DINKES',
  sessions: [
    { sessionId: 's1', date: '2026-02-02', title: 'Hari 1' },
    { sessionId: 's2', date: '2026-02-03', title: 'Hari 2' },
  ],
  completionRule: null,
  ...over,
});
const published = (over: Partial<ProgrammeDetails> = {}): ProgrammeEvent => ({
  type: 'ProgrammePublished',
  data: { programmeId: 'p1', ...details(over) },
});
const given = (...events: ProgrammeEvent[]) => givenEvents(programmeDecider, events);
const enrol = (nip: string, enrolmentId = `e-${nip}`) => ({
  type: 'EnrolStaff' as const,
  enrolmentId,
  nip,
  workUnit: PKM,
  staffActive: true,
  year: 2026,
});
const whenEnrolled = (...nips: string[]) => {
  const events: ProgrammeEvent[] = [published()];
  for (const nip of nips) events.push(...given(...events).when(enrol(nip)));
  return events;
};
const confirmed = (nip: string): ProgrammeEvent => ({
  type: 'EnrolmentConfirmed',
  data: { enrolmentId: `e-${nip}`, programmeId: 'p1', nip, commitmentId: `c-${nip}` },
});
const problemOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('the programme catalogue', () => {
  it('publishes a programme with its details', () => {
    expect(given().when({ type: 'PublishProgramme', programmeId: 'p1', details: details() })).toEqual([published()]);
  });
  it('refuses an internship without a university partner', () => {
    expect(
      problemOf(() =>
        given().when({ type: 'PublishProgramme', programmeId: 'p1', details: details({ form: 'magang' }) }),
      ),
    ).toMatchObject({ kind: 'invalid', extensions: { errors: [{ field: 'universityPartner' }] } });
  });
  it('refuses a self-paced programme without a completion rule', () => {
    expect(
      problemOf(() =>
        given().when({ type: 'PublishProgramme', programmeId: 'p1', details: details({ form: 'e-learning' }) }),
      ).kind,
    ).toBe('invalid');
  });
  it('refuses to publish the same programme twice', () => {
    expect(
      problemOf(() => given(published()).when({ type: 'PublishProgramme', programmeId: 'p1', details: details() }))
        .kind,
    ).toBe('conflict');
  });
  it('revises, but never below the seats already taken', () => {
    const events = whenEnrolled('a', 'b');
    expect(given(...events).when({ type: 'ReviseProgramme', changes: { capacity: 3 } })).toEqual([
      { type: 'ProgrammeRevised', data: { programmeId: 'p1', changes: { capacity: 3 } } },
    ]);
    expect(problemOf(() => given(...events).when({ type: 'ReviseProgramme', changes: { capacity: 1 } })).kind).toBe(
      'invalid',
    );
  });
  it('on cancellation tells every enrolled and waitlisted staff member', () => {
    const events = whenEnrolled('a', 'b', 'c');
    expect(given(...events).when({ type: 'CancelProgramme', reason: 'trainer ill' })).toEqual([
      { type: 'ProgrammeCancelled', data: { programmeId: 'p1', reason: 'trainer ill', affectedNips: ['a', 'b', 'c'] } },
    ]);
  });
  it('answers commands for an unknown programme with 404', () => {
    expect(problemOf(() => given().when(enrol('a'))).kind).toBe('not-found');
  });
});

describe('enrolment', () => {
  it('takes a seat and asks the budget, while seats are free', () => {
    expect(given(published()).when(enrol('a'))).toEqual([
      {
        type: 'StaffEnrolled',
        data: expect.objectContaining({
          nip: 'a',
          enrolmentId: 'e-a',
          costPerParticipant: 1_500_000,
          fundingOpd: 'DINKES',
          jp: 24,
          year: 2026,
        }) as unknown,
      },
    ]);
  });
  it('waitlists when every seat is taken, never exceeding capacity', () => {
    expect(given(...whenEnrolled('a', 'b')).when(enrol('c'))).toEqual([
      { type: 'EnrolmentWaitlisted', data: expect.objectContaining({ nip: 'c', reason: 'capacity' }) as unknown },
    ]);
  });
  it('refuses to enrol the same staff member twice', () => {
    expect(problemOf(() => given(...whenEnrolled('a')).when(enrol('a')))).toMatchObject({
      kind: 'conflict',
      slug: 'already-enrolled',
    });
  });
  it('refuses staff who have left, and cancelled programmes', () => {
    expect(problemOf(() => given(published()).when({ ...enrol('a'), staffActive: false })).kind).toBe('conflict');
    expect(
      problemOf(() =>
        given(published(), {
          type: 'ProgrammeCancelled',
          data: { programmeId: 'p1', reason: 'x', affectedNips: [] },
        }).when(enrol('a')),
      ).slug,
    ).toBe('programme-cancelled');
  });
  it('is confirmed when the budget commits the funds, once', () => {
    const events = whenEnrolled('a');
    const cmd = { type: 'ConfirmEnrolment' as const, nip: 'a', enrolmentId: 'e-a', commitmentId: 'c-a' };
    expect(given(...events).when(cmd)).toEqual([confirmed('a')]);
    expect(given(...events, confirmed('a')).when(cmd)).toEqual([]);
  });
  it('is waitlisted for funds when the budget rejects, freeing the seat', () => {
    const events = whenEnrolled('a', 'b', 'c');
    const rejected = given(...events).when({
      type: 'WaitlistForFunds',
      nip: 'a',
      enrolmentId: 'e-a',
      detail: 'allocation exhausted',
    });
    expect(rejected).toEqual([
      {
        type: 'EnrolmentWaitlisted',
        data: expect.objectContaining({ nip: 'a', reason: 'funds', detail: 'allocation exhausted' }) as unknown,
      },
    ]);
    expect(given(...events, ...rejected).when(enrol('d'))[0].type).toBe('StaffEnrolled');
  });
  it('ignores a budget answer that arrives after a withdrawal', () => {
    const events = [
      ...whenEnrolled('a'),
      ...given(...whenEnrolled('a')).when({
        type: 'WithdrawEnrolment',
        nip: 'a',
        reason: 'workload',
        note: null,
        year: 2026,
      }),
    ];
    expect(
      given(...events).when({ type: 'ConfirmEnrolment', nip: 'a', enrolmentId: 'e-a', commitmentId: 'c' }),
    ).toEqual([]);
  });
});

describe('withdrawal', () => {
  it('records the reason and hands the seat to the longest-waiting staff member', () => {
    const events = [...whenEnrolled('a', 'b', 'c', 'd'), confirmed('a')];
    expect(
      given(...events).when({ type: 'WithdrawEnrolment', nip: 'a', reason: 'workload', note: null, year: 2026 }),
    ).toEqual([
      {
        type: 'EnrolmentWithdrawn',
        data: { enrolmentId: 'e-a', programmeId: 'p1', nip: 'a', reason: 'workload', note: null, wasConfirmed: true },
      },
      { type: 'StaffEnrolled', data: expect.objectContaining({ nip: 'c', enrolmentId: 'e-c' }) as unknown },
    ]);
  });
  it('from the waitlist frees no seat', () => {
    const events = whenEnrolled('a', 'b', 'c');
    expect(
      given(...events).when({ type: 'WithdrawEnrolment', nip: 'c', reason: 'illness', note: null, year: 2026 }),
    ).toHaveLength(1);
  });
  it('of someone not enrolled is a 404, and after completion a 409', () => {
    expect(
      problemOf(() =>
        given(published()).when({ type: 'WithdrawEnrolment', nip: 'z', reason: 'other', note: 'x', year: 2026 }),
      ).kind,
    ).toBe('not-found');
    const done = [
      ...whenEnrolled('a'),
      confirmed('a'),
      ...given(...whenEnrolled('a'), confirmed('a')).when({
        type: 'CompleteTraining',
        nip: 'a',
        completedOn: '2026-02-03',
      }),
    ];
    expect(
      problemOf(() =>
        given(...done).when({ type: 'WithdrawEnrolment', nip: 'a', reason: 'other', note: null, year: 2026 }),
      ),
    ).toMatchObject({ kind: 'conflict', extensions: { currentState: 'completed' } });
  });
});

describe('attendance and completion', () => {
  const ready = () => [...whenEnrolled('a'), confirmed('a')];
  it('records attendance per session, a repeat changes nothing', () => {
    const attended = given(...ready()).when({ type: 'RecordAttendance', nip: 'a', sessionId: 's1', attended: true });
    expect(attended).toEqual([
      { type: 'SessionAttended', data: { enrolmentId: 'e-a', programmeId: 'p1', nip: 'a', sessionId: 's1' } },
    ]);
    expect(
      given(...ready(), ...attended).when({ type: 'RecordAttendance', nip: 'a', sessionId: 's1', attended: true }),
    ).toEqual([]);
    expect(
      given(...ready()).when({ type: 'RecordAttendance', nip: 'a', sessionId: 's2', attended: false })[0].type,
    ).toBe('SessionMissed');
  });
  it('refuses attendance for an unknown session or an unconfirmed enrolment', () => {
    expect(
      problemOf(() => given(...ready()).when({ type: 'RecordAttendance', nip: 'a', sessionId: 's9', attended: true }))
        .kind,
    ).toBe('invalid');
    expect(
      problemOf(() =>
        given(...whenEnrolled('a')).when({ type: 'RecordAttendance', nip: 'a', sessionId: 's1', attended: true }),
      ).kind,
    ).toBe('conflict');
  });
  it('completes with the JP credited to the year of completion', () => {
    expect(given(...ready()).when({ type: 'CompleteTraining', nip: 'a', completedOn: '2026-02-03' })).toEqual([
      {
        type: 'TrainingCompleted',
        data: expect.objectContaining({
          nip: 'a',
          jp: 24,
          year: 2026,
          completedOn: '2026-02-03',
          workUnit: PKM,
        }) as unknown,
      },
    ]);
  });
  it('refuses to complete a withdrawn enrolment, with its current state', () => {
    const events = [
      ...ready(),
      {
        type: 'EnrolmentWithdrawn',
        data: { enrolmentId: 'e-a', programmeId: 'p1', nip: 'a', reason: 'workload', note: null, wasConfirmed: true },
      } as ProgrammeEvent,
    ];
    expect(
      problemOf(() => given(...events).when({ type: 'CompleteTraining', nip: 'a', completedOn: '2026-02-03' })),
    ).toMatchObject({ kind: 'conflict', extensions: { currentState: 'withdrawn' } });
  });
  it('records non-completion', () => {
    expect(
      given(...ready()).when({ type: 'RecordNonCompletion', nip: 'a', reason: 'missed half the sessions' })[0].type,
    ).toBe('TrainingNotCompleted');
  });
});

describe('self-paced learning', () => {
  const rule = { modules: ['m1', 'm2'], minScore: 70 };
  const elearning = () => {
    const events: ProgrammeEvent[] = [published({ form: 'e-learning', completionRule: rule })];
    events.push(...given(...events).when(enrol('a')), confirmed('a'));
    return events;
  };
  const statement = (
    statementId: string,
    verb: 'completed' | 'started' | 'scored',
    moduleId: string,
    score: number | null = null,
  ) => ({
    type: 'RecordLearningProgress' as const,
    nip: 'a',
    statementId,
    verb,
    moduleId,
    score,
    seconds: 600,
    deviceTimestamp: '2026-03-01T10:00:00.000Z',
    today: '2026-03-02',
  });

  it('applies a resent statement once', () => {
    const first = given(...elearning()).when(statement('st-1', 'started', 'm1'));
    expect(first).toHaveLength(1);
    expect(given(...elearning(), ...first).when(statement('st-1', 'started', 'm1'))).toEqual([]);
  });
  it('completes the training when every module is completed with the minimum score, dated by the device', () => {
    const events = elearning();
    events.push(...given(...events).when(statement('st-1', 'completed', 'm1', 80)));
    const last = given(...events).when(statement('st-2', 'completed', 'm2', 90));
    expect(last.map((e) => e.type)).toEqual(['LearningProgressRecorded', 'TrainingCompleted']);
    expect(last[1].data).toMatchObject({ completedOn: '2026-03-01', jp: 24 });
  });
  it('does not complete below the minimum score', () => {
    const events = elearning();
    events.push(...given(...events).when(statement('st-1', 'completed', 'm1', 50)));
    expect(
      given(...events)
        .when(statement('st-2', 'completed', 'm2', 90))
        .map((e) => e.type),
    ).toEqual(['LearningProgressRecorded']);
  });
  it('refuses a module the programme does not have', () => {
    expect(problemOf(() => given(...elearning()).when(statement('st-1', 'started', 'm9'))).kind).toBe('invalid');
  });
});
