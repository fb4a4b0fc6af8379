import type { ProgrammeDetails, ProgrammeEvent } from '@kompeten/contracts';
import {
  attended,
  complete,
  confirmed,
  given,
  PKM,
  problemOf,
  session,
  whenEnrolled,
} from '../../test/programme.mother';

// Asymmetric matchers (expect.objectContaining) are typed `any` by @types/jest: read as `unknown` here.
const five = ['s1', 's2', 's3', 's4', 's5'].map((sessionId, i) =>
  session(sessionId, `2026-02-0${i + 2}`, `Hari ${i + 1}`),
);
/** Confirmed in a five-day programme, present at the sessions named. */
const present = (sessions: string[], over: Partial<ProgrammeDetails> = {}): ProgrammeEvent[] => [
  ...whenEnrolled(['a'], { sessions: five, ...over }),
  confirmed('a'),
  ...sessions.map((s) => attended('a', s)),
];
const ALL = ['s1', 's2', 's3', 's4', 's5'];

describe('completion by the training officer', () => {
  it('completes with the JP credited to the year of completion', () => {
    expect(given(...present(ALL)).when(complete('a', { completedOn: '2026-02-06' }))).toEqual([
      {
        type: 'TrainingCompleted',
        data: expect.objectContaining({
          nip: 'a',
          jp: 24,
          year: 2026,
          completedOn: '2026-02-06',
          workUnit: PKM,
          attendanceOverride: null,
        }) as unknown,
      },
    ]);
  });
  it('refuses a completion dated after the city’s today, naming completedOn', () => {
    expect(
      problemOf(() => given(...present(ALL)).when(complete('a', { completedOn: '2026-02-11', today: '2026-02-10' }))),
    ).toMatchObject({ kind: 'invalid', extensions: { errors: [{ field: 'completedOn' }] } });
  });
  it('refuses a completion dated before the first session, naming completedOn', () => {
    expect(problemOf(() => given(...present(ALL)).when(complete('a', { completedOn: '2026-02-01' })))).toMatchObject({
      kind: 'invalid',
      extensions: { errors: [{ field: 'completedOn' }] },
    });
  });
  it('refuses below the attendance threshold (80 % by default) with 422 naming attendance', () => {
    // 3 of 5 sessions is 60 %.
    expect(problemOf(() => given(...present(['s1', 's2', 's3'])).when(complete('a')))).toMatchObject({
      kind: 'unprocessable',
      slug: 'attendance-below-threshold',
      extensions: { field: 'attendance', attended: 3, sessions: 5, threshold: 0.8 },
    });
  });
  it('completes at exactly the threshold', () => {
    expect(given(...present(['s1', 's2', 's3', 's4'])).when(complete('a'))[0].type).toBe('TrainingCompleted');
  });
  it('applies the programme’s own threshold', () => {
    expect(given(...present(['s1', 's2', 's3'], { attendanceThreshold: 0.6 })).when(complete('a'))[0].type).toBe(
      'TrainingCompleted',
    );
  });
  it('completes below the threshold with an officer’s coded reason, recorded on the event', () => {
    const override = { reason: 'official-duty' as const, note: 'Tugas penanggulangan banjir' };
    expect(given(...present(['s1'])).when(complete('a', { attendanceOverride: override }))).toEqual([
      { type: 'TrainingCompleted', data: expect.objectContaining({ attendanceOverride: override }) as unknown },
    ]);
  });
  it('records no override where attendance needed none', () => {
    const override = { reason: 'make-up-session' as const, note: null };
    expect(given(...present(ALL)).when(complete('a', { attendanceOverride: override }))[0].data).toMatchObject({
      attendanceOverride: null,
    });
  });
  it('asks for a note with the override reason other', () => {
    expect(
      problemOf(() =>
        given(...present([])).when(complete('a', { attendanceOverride: { reason: 'other', note: null } })),
      ),
    ).toMatchObject({ kind: 'invalid', extensions: { errors: [{ field: 'attendanceOverride.note' }] } });
  });
  it('checks no attendance for a self-paced programme (no sessions)', () => {
    const selfPaced = {
      form: 'e-learning' as const,
      sessions: [],
      completionRule: { modules: ['m1'], minScore: null },
    };
    expect(given(...present([], selfPaced)).when(complete('a'))[0].type).toBe('TrainingCompleted');
  });
  it('refuses to complete a withdrawn enrolment, with its current state', () => {
    const events: ProgrammeEvent[] = [
      ...present(ALL),
      {
        type: 'EnrolmentWithdrawn',
        data: { enrolmentId: 'e-a', programmeId: 'p1', nip: 'a', reason: 'workload', note: null, wasConfirmed: true },
      },
    ];
    expect(problemOf(() => given(...events).when(complete('a')))).toMatchObject({
      kind: 'conflict',
      extensions: { currentState: 'withdrawn' },
    });
  });
});

describe('non-completion', () => {
  it('records a coded reason, so that the workload statistics can count it', () => {
    expect(
      given(...present(['s1'])).when({ type: 'RecordNonCompletion', nip: 'a', reason: 'workload', note: null }),
    ).toEqual([
      {
        type: 'TrainingNotCompleted',
        data: { enrolmentId: 'e-a', programmeId: 'p1', nip: 'a', reason: 'workload', note: null },
      },
    ]);
  });
  it('asks for a note with the reason other', () => {
    expect(
      problemOf(() =>
        given(...present([])).when({ type: 'RecordNonCompletion', nip: 'a', reason: 'other', note: ' ' }),
      ),
    ).toMatchObject({ kind: 'invalid', extensions: { errors: [{ field: 'note' }] } });
  });
});
