import type { ProgrammeEvent } from '@kompeten/contracts';
import {
  BEFORE,
  confirmed,
  enrol,
  fundsCommitted,
  fundsRejected,
  need,
  given,
  nipsOf,
  problemOf,
  published,
  session,
  whenEnrolled,
  withdraw,
} from '../../test/programme.mother';

// Asymmetric matchers (expect.objectContaining) are typed `any` by @types/jest: read as `unknown` here.
const staffEnrolled = (data: Record<string, unknown>) => ({
  type: 'StaffEnrolled',
  data: expect.objectContaining(data) as unknown,
});
/** The events so far, then what `command` decides appended. */
const then = (events: ProgrammeEvent[], command: Parameters<ReturnType<typeof given>['when']>[0]) => [
  ...events,
  ...given(...events).when(command),
];

describe('the fiscal year an enrolment is charged to', () => {
  const january = [session('s1', '2027-01-11', 'Hari 1')];
  it('is the year of the first session: a December enrolment for a January course is next year’s cost', () => {
    expect(given(published({ sessions: january })).when(enrol('a', '2026-12-20'))).toEqual([
      staffEnrolled({ year: 2027, enrolledOn: '2026-12-20' }),
    ]);
  });
  it('is the first session by date, whatever order the sessions are listed in', () => {
    const sessions = [...january, session('s0', '2026-12-28', 'Pembukaan')];
    expect(given(published({ sessions })).when(enrol('a', '2026-12-01'))).toEqual([staffEnrolled({ year: 2026 })]);
  });
  it('is the programme’s own fiscal year when it names one', () => {
    expect(given(published({ sessions: january, fiscalYear: 2026 })).when(enrol('a', '2026-12-20'))).toEqual([
      staffEnrolled({ year: 2026 }),
    ]);
  });
  it('is the year of the city’s date of enrolment for a programme without sessions', () => {
    // 1 January, 06:00 WIB is still 31 December in UTC: the handler passes the city's date.
    const selfPaced = published({
      form: 'e-learning',
      sessions: [],
      completionRule: { modules: ['m1'], minScore: null },
    });
    expect(given(selfPaced).when(enrol('a', '2027-01-01'))).toEqual([staffEnrolled({ year: 2027 })]);
  });
  it('is the programme’s for a seat handed on at withdrawal too', () => {
    const events = whenEnrolled(['a', 'b', 'c'], { sessions: january });
    expect(given(...events).when(withdraw('a', '2026-12-30'))[1]).toEqual(staffEnrolled({ nip: 'c', year: 2027 }));
  });
});

describe('enrolment closes at the first session', () => {
  it('refuses a new enrolment after the first session’s date with 409 enrolment-closed', () => {
    expect(problemOf(() => given(published()).when(enrol('a', '2026-02-03')))).toMatchObject({
      kind: 'conflict',
      slug: 'enrolment-closed',
      extensions: { firstSession: '2026-02-02' },
    });
  });
  it('still enrols on the day of the first session (sessions have dates, not times)', () => {
    expect(given(published()).when(enrol('a', '2026-02-02'))[0].type).toBe('StaffEnrolled');
  });
  it('enrols late when the programme allows it', () => {
    expect(given(published({ lateEnrolment: true })).when(enrol('a', '2026-02-03'))[0].type).toBe('StaffEnrolled');
  });
});

describe('the date the business gives an enrolment', () => {
  it('keeps the day the enrolment was really made (on paper, before go-live)', () => {
    expect(given(published({ lateEnrolment: true })).when(enrol('a', '2026-12-07', '2026-01-20'))).toEqual([
      staffEnrolled({ enrolledOn: '2026-01-20', year: 2026 }),
    ]);
  });
  it('refuses an enrolment date in the future, naming enrolledOn', () => {
    expect(problemOf(() => given(published()).when(enrol('a', '2026-01-15', '2026-01-16')))).toMatchObject({
      kind: 'invalid',
      extensions: { errors: [{ field: 'enrolledOn' }] },
    });
  });
  it('does not reopen a closed programme: closure is about when the request arrives', () => {
    expect(problemOf(() => given(published()).when(enrol('a', '2026-02-03', '2026-01-20')))).toMatchObject({
      slug: 'enrolment-closed',
    });
  });
});

describe('seats that move', () => {
  it('a funds rejection frees the seat for the longest-waiting staff member, in the same decision', () => {
    const events = whenEnrolled(['a', 'b', 'c', 'd']);
    const rejected = given(...events).when(fundsRejected('a'));
    expect(rejected).toEqual([
      {
        type: 'EnrolmentWaitlisted',
        data: expect.objectContaining({ nip: 'a', reason: 'funds', detail: 'allocation exhausted' }) as unknown,
      },
      staffEnrolled({ nip: 'c', enrolmentId: 'e-c', attempt: 1 }),
    ]);
    // Nobody jumps the queue: the next newcomer waits behind d.
    expect(given(...events, ...rejected).when(enrol('e'))).toEqual([
      { type: 'EnrolmentWaitlisted', data: expect.objectContaining({ nip: 'e', reason: 'capacity' }) as unknown },
    ]);
  });
  it('more capacity promotes as many as there are new seats, longest-waiting first', () => {
    const events = whenEnrolled(['a', 'b', 'c', 'd', 'e']);
    const revised = given(...events).when({ type: 'ReviseProgramme', changes: { capacity: 4 }, today: BEFORE });
    expect(revised.map((e) => e.type)).toEqual(['ProgrammeRevised', 'StaffEnrolled', 'StaffEnrolled']);
    expect(nipsOf(revised, 'StaffEnrolled')).toEqual(['c', 'd']);
  });
  it('a newcomer waits while anyone waits for a seat, and a seat left free goes to the waiting first', () => {
    // As a log from before seats moved left it: a funds rejection freed a seat and promoted nobody.
    const events: ProgrammeEvent[] = [
      ...whenEnrolled(['a', 'b', 'c']),
      {
        type: 'EnrolmentWaitlisted',
        data: {
          enrolmentId: 'e-a',
          programmeId: 'p1',
          nip: 'a',
          workUnit: { opd: 'DINKES' },
          reason: 'funds',
          detail: 'x',
          need: null,
        },
      },
    ];
    const decided = given(...events).when(enrol('d'));
    expect(decided.map((e) => [e.type, (e.data as { nip: string }).nip])).toEqual([
      ['StaffEnrolled', 'c'],
      ['EnrolmentWaitlisted', 'd'],
    ]);
  });
  it('keeps a waiting staff member’s original place: funds that come without a seat put them back where they were', () => {
    // a enrols first, loses the seat for want of money (b takes it), c then waits; the money comes, no seat.
    let events = whenEnrolled(['a', 'b'], { capacity: 1 });
    events = then(events, fundsRejected('a'));
    events = then(events, enrol('c'));
    const back = given(...events).when(fundsCommitted('a'));
    expect(back).toEqual([
      { type: 'EnrolmentWaitlisted', data: expect.objectContaining({ nip: 'a', reason: 'capacity' }) as unknown },
    ]);
    // b's seat, when freed, goes to a (enrolled before c), asking the budget anew (attempt 2).
    expect(given(...events, ...back).when(withdraw('b'))[1]).toEqual(staffEnrolled({ nip: 'a', attempt: 2 }));
  });
});

describe('the budget’s answers', () => {
  it('confirms an enrolment waitlisted for funds when its queue commits the money and a seat is free', () => {
    let events = whenEnrolled(['a', 'b']);
    events = then(events, fundsRejected('a'));
    expect(given(...events).when(fundsCommitted('a'))).toEqual([confirmed('a')]);
  });
  it('ignores a stale rejection: an older funds request of the enrolment, or another enrolment', () => {
    let events = whenEnrolled(['a', 'b']);
    events = then(events, fundsRejected('a'));
    events = then(events, { type: 'RequestFundsAgain', nip: 'a', today: BEFORE, need: null });
    expect(given(...events).when(fundsRejected('a', 1))).toEqual([]);
    expect(given(...events).when({ ...fundsRejected('a', 2), enrolmentId: 'e-old' })).toEqual([]);
    expect(given(...events).when(fundsRejected('a', 2))[0]).toMatchObject({ data: { nip: 'a', reason: 'funds' } });
  });
  it('an officer asks again: same enrolment, next attempt, while a seat is free', () => {
    let events = whenEnrolled(['a', 'b']);
    events = then(events, fundsRejected('a'));
    expect(given(...events).when({ type: 'RequestFundsAgain', nip: 'a', today: '2026-01-20', need: null })).toEqual([
      staffEnrolled({ nip: 'a', enrolmentId: 'e-a', attempt: 2, enrolledOn: BEFORE, year: 2026 }),
    ]);
  });
  it('an officer’s request without a free seat puts the enrolment on the seat waitlist', () => {
    let events = whenEnrolled(['a', 'b', 'c']);
    events = then(events, fundsRejected('a'));
    expect(given(...events).when({ type: 'RequestFundsAgain', nip: 'a', today: BEFORE, need: null })).toEqual([
      { type: 'EnrolmentWaitlisted', data: expect.objectContaining({ nip: 'a', reason: 'capacity' }) as unknown },
    ]);
  });
  it('asking again is only for an enrolment waitlisted for funds', () => {
    expect(
      problemOf(() =>
        given(...whenEnrolled(['a'])).when({ type: 'RequestFundsAgain', nip: 'a', today: BEFORE, need: null }),
      ),
    ).toMatchObject({ kind: 'conflict', extensions: { currentState: 'pending-funds' } });
  });
});

describe('the need read at enrolment, carried by every funds request of the enrolment', () => {
  const read = need();
  const today = need({ jpShortfall: 0, planLine: null, asOf: '2026-01-20' });
  it('a seat taken at once asks the budget with the need read that day', () => {
    expect(given(published()).when(enrol('a', BEFORE, BEFORE, read))).toEqual([staffEnrolled({ need: read })]);
  });
  it('a staff member waiting for a seat keeps it: the seat that comes asks with the same need', () => {
    let events = then([published({ capacity: 1 })], enrol('a'));
    events = then(events, enrol('b', BEFORE, BEFORE, read));
    expect(events[2]).toEqual({
      type: 'EnrolmentWaitlisted',
      data: expect.objectContaining({ nip: 'b', reason: 'capacity', need: read }) as unknown,
    });
    expect(given(...events).when(withdraw('a'))[1]).toEqual(staffEnrolled({ nip: 'b', need: read }));
  });
  it('a funds waitlisting carries no need; the officer’s re-request asks with the one read at enrolment, not today’s', () => {
    let events = then([published()], enrol('a', BEFORE, BEFORE, read));
    events = then(events, fundsRejected('a'));
    expect(events[2]).toMatchObject({ type: 'EnrolmentWaitlisted', data: { reason: 'funds', need: null } });
    expect(given(...events).when({ type: 'RequestFundsAgain', nip: 'a', today: '2026-01-20', need: today })).toEqual([
      staffEnrolled({ attempt: 2, need: read }),
    ]);
  });
  it('an enrolment made before needs were recorded is re-requested with the need read today', () => {
    let events = then([published()], enrol('a'));
    events = then(events, fundsRejected('a'));
    expect(given(...events).when({ type: 'RequestFundsAgain', nip: 'a', today: '2026-01-20', need: today })).toEqual([
      staffEnrolled({ attempt: 2, need: today }),
    ]);
  });
});
