import {
  BEFORE,
  complete,
  confirmed,
  details,
  enrol,
  fundsCommitted,
  given,
  problemOf,
  published,
  whenEnrolled,
  withdraw,
} from '../../test/programme.mother';

// Asymmetric matchers (expect.objectContaining) are typed `any` by @types/jest: read as `unknown` here.
// Seats and the budget's answers: seats.rules.spec.ts; completion: completion.rules.spec.ts;
// self-paced statements: self-paced.rules.spec.ts.

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
  it('refuses an attendance threshold that is not a share of the sessions', () => {
    expect(
      problemOf(() =>
        given().when({ type: 'PublishProgramme', programmeId: 'p1', details: details({ attendanceThreshold: 80 }) }),
      ),
    ).toMatchObject({ kind: 'invalid', extensions: { errors: [{ field: 'attendanceThreshold' }] } });
  });
  it('refuses to publish the same programme twice', () => {
    expect(
      problemOf(() => given(published()).when({ type: 'PublishProgramme', programmeId: 'p1', details: details() }))
        .kind,
    ).toBe('conflict');
  });
  it('revises, but never below the seats already taken', () => {
    const events = whenEnrolled(['a', 'b']);
    expect(given(...events).when({ type: 'ReviseProgramme', changes: { capacity: 3 }, today: BEFORE })).toEqual([
      { type: 'ProgrammeRevised', data: { programmeId: 'p1', changes: { capacity: 3 } } },
    ]);
    expect(
      problemOf(() => given(...events).when({ type: 'ReviseProgramme', changes: { capacity: 1 }, today: BEFORE })).kind,
    ).toBe('invalid');
  });
  it('on cancellation tells every enrolled and waitlisted staff member', () => {
    const events = whenEnrolled(['a', 'b', 'c']);
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
          attempt: 1,
          enrolledOn: BEFORE,
        }) as unknown,
      },
    ]);
  });
  it('waitlists when every seat is taken, never exceeding capacity', () => {
    expect(given(...whenEnrolled(['a', 'b'])).when(enrol('c'))).toEqual([
      { type: 'EnrolmentWaitlisted', data: expect.objectContaining({ nip: 'c', reason: 'capacity' }) as unknown },
    ]);
  });
  it('refuses to enrol the same staff member twice', () => {
    expect(problemOf(() => given(...whenEnrolled(['a'])).when(enrol('a')))).toMatchObject({
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
    const events = whenEnrolled(['a']);
    expect(given(...events).when(fundsCommitted('a'))).toEqual([confirmed('a')]);
    expect(given(...events, confirmed('a')).when(fundsCommitted('a'))).toEqual([]);
  });
  it('ignores a budget answer that arrives after a withdrawal', () => {
    const events = [...whenEnrolled(['a']), ...given(...whenEnrolled(['a'])).when(withdraw('a'))];
    expect(given(...events).when(fundsCommitted('a'))).toEqual([]);
  });
});

describe('withdrawal', () => {
  it('records the reason and hands the seat to the longest-waiting staff member', () => {
    const events = [...whenEnrolled(['a', 'b', 'c', 'd']), confirmed('a')];
    expect(given(...events).when(withdraw('a'))).toEqual([
      {
        type: 'EnrolmentWithdrawn',
        data: { enrolmentId: 'e-a', programmeId: 'p1', nip: 'a', reason: 'workload', note: null, wasConfirmed: true },
      },
      { type: 'StaffEnrolled', data: expect.objectContaining({ nip: 'c', enrolmentId: 'e-c', attempt: 1 }) as unknown },
    ]);
  });
  it('from the waitlist frees no seat', () => {
    expect(given(...whenEnrolled(['a', 'b', 'c'])).when({ ...withdraw('c'), reason: 'illness' })).toHaveLength(1);
  });
  it('of someone not enrolled is a 404, and after completion a 409', () => {
    expect(problemOf(() => given(published()).when({ ...withdraw('z'), reason: 'other', note: 'x' })).kind).toBe(
      'not-found',
    );
    const ready = [...whenEnrolled(['a']), confirmed('a')];
    const done = [
      ...ready,
      ...given(...ready).when(complete('a', { attendanceOverride: { reason: 'official-duty', note: null } })),
    ];
    expect(problemOf(() => given(...done).when(withdraw('a')))).toMatchObject({
      kind: 'conflict',
      extensions: { currentState: 'completed' },
    });
  });
});

describe('attendance', () => {
  const ready = () => [...whenEnrolled(['a']), confirmed('a')];
  it('records attendance per session, a repeat changes nothing', () => {
    const marked = given(...ready()).when({ type: 'RecordAttendance', nip: 'a', sessionId: 's1', attended: true });
    expect(marked).toEqual([
      { type: 'SessionAttended', data: { enrolmentId: 'e-a', programmeId: 'p1', nip: 'a', sessionId: 's1' } },
    ]);
    expect(
      given(...ready(), ...marked).when({ type: 'RecordAttendance', nip: 'a', sessionId: 's1', attended: true }),
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
        given(...whenEnrolled(['a'])).when({ type: 'RecordAttendance', nip: 'a', sessionId: 's1', attended: true }),
      ).kind,
    ).toBe('conflict');
  });
});
