import type { BudgetEvent, FundingNeed, FundingWindowDecided } from '@kompeten/contracts';
import { DomainError, givenEvents } from '@kompeten/domain';
import type { BudgetCommand, CommitmentRequest } from './budget.commands';
import { budgetDecider } from './budget.decider';

// The worked example of docs/planning/funding-by-need.md: Dinas Sosial's 2027 APBD budget gives
// Rp 3,000,000 to communication (two seats at Rp 1,500,000) and decides weekly from Monday 4 January.
const B = '2027-DINSOS-APBD';
const opened: BudgetEvent = {
  type: 'BudgetOpened',
  data: { budgetId: B, fiscalYear: 2027, opd: 'DINSOS', fundingSource: 'APBD', ceiling: 100_000_000 },
};
const toArea = (amount: number): BudgetEvent => ({
  type: 'FundsAllocated',
  data: {
    budgetId: B,
    allocationId: 'area-komunikasi',
    target: { kind: 'competency-area', competencyArea: 'komunikasi' },
    amount,
  },
});
const weekly: BudgetCommand = {
  type: 'SetFundingPolicy',
  mode: 'by-need',
  windowDays: 7,
  windowsFrom: '2027-01-04',
  today: '2027-01-04',
};
const firstCome: BudgetCommand = {
  type: 'SetFundingPolicy',
  mode: 'first-come',
  windowDays: null,
  windowsFrom: null,
  today: '2027-01-20',
};
const need = (over: Partial<FundingNeed>): FundingNeed => ({
  planLine: null,
  jpShortfall: 0,
  gap: 0,
  ikmGrade: null,
  asOf: '2027-01-05',
  ...over,
});
const line = (priority: number) => ({ lineId: `L${priority}`, priority, revision: 2 });
// A: earliest, little need (9); B: plan priority 2 (74); C: latest of the three, plan priority 1 (75); D: no need recorded (0).
const NEEDS: Record<string, FundingNeed | null> = {
  A: need({ jpShortfall: 4, ikmGrade: 'B' }),
  B: need({ planLine: line(2), jpShortfall: 20, gap: 1, ikmGrade: 'C' }),
  C: need({ planLine: line(1), jpShortfall: 12, gap: 2, ikmGrade: 'C' }),
  D: null,
  E: need({ jpShortfall: 20 }),
};
const DAY: Record<string, string> = { A: '05', B: '06', C: '07', D: '08', E: '12' };
const request = (id: string, over: Partial<CommitmentRequest> = {}): CommitmentRequest => ({
  enrolmentId: `e${id}`,
  attempt: 1,
  programmeId: 'kom-sosial-2027',
  nip: `nip${id}`,
  opd: 'DINSOS',
  fiscalYear: 2027,
  competencyArea: 'komunikasi',
  amount: 1_500_000,
  need: NEEDS[id] ?? null,
  requestedOn: `2027-01-${DAY[id] ?? '05'}`,
  ...over,
});
const commit = (id: string, over: Partial<CommitmentRequest> = {}): BudgetCommand => ({
  type: 'CommitFunds',
  ...request(id, over),
});
const decide = (decisionDay: string, today = decisionDay): BudgetCommand => ({
  type: 'DecideFundingWindow',
  decisionDay,
  today,
});

/** Plays the commands one after the other, as the log would record their decisions. */
function history(start: BudgetEvent[], ...commands: BudgetCommand[]) {
  let events = start;
  for (const c of commands) events = [...events, ...givenEvents(budgetDecider, events).when(c)];
  return events;
}
const given = (...events: BudgetEvent[]) => givenEvents(budgetDecider, events);
const types = (events: BudgetEvent[]) =>
  events.map((e) => `${e.type}${'enrolmentId' in e.data ? ` ${e.data.enrolmentId}` : ''}`);
const problemOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};
const windowOf = (events: BudgetEvent[]) => (events[0] as FundingWindowDecided).data;

const byNeed = history([opened, toArea(3_000_000)], weekly);
// The four requests of the first week, held in the order they arrived.
const heldFour = history(byNeed, commit('A'), commit('B'), commit('C'), commit('D'));

describe('setting the funding policy', () => {
  it('records by-need with its windows; the same policy again changes nothing', () => {
    const set = given(opened).when(weekly);
    expect(set).toEqual([
      {
        type: 'FundingPolicySet',
        data: { budgetId: B, mode: 'by-need', windowDays: 7, windowsFrom: '2027-01-04', setOn: '2027-01-04' },
      },
    ]);
    expect(given(opened, ...set).when(weekly)).toEqual([]);
  });

  it.each([
    ['windowDays', { windowDays: null }],
    ['windowDays', { windowDays: 0 }],
    ['windowDays', { windowDays: 93 }],
    ['windowsFrom', { windowsFrom: '2027-13-01' }],
  ])('refuses by-need without a valid %s, naming the field', (field, over) => {
    const error = problemOf(() => given(opened).when({ ...weekly, ...over }));
    expect(error.extensions.errors).toEqual([expect.objectContaining({ field })]);
  });

  it('is refused for a budget that does not exist (404) or is closed (409)', () => {
    expect(problemOf(() => given().when(weekly)).kind).toBe('not-found');
    expect(
      problemOf(() => given(opened, { type: 'BudgetClosed', data: { budgetId: B, unspent: 0 } }).when(weekly)).kind,
    ).toBe('conflict');
  });
});

describe('by need, a funds request is held for its window', () => {
  it('holds the request with its need, its date and the decision day of its window', () => {
    expect(given(...byNeed).when(commit('A'))).toEqual([
      {
        type: 'FundsRequestQueued',
        data: {
          budgetId: B,
          enrolmentId: 'eA',
          attempt: 1,
          programmeId: 'kom-sosial-2027',
          nip: 'nipA',
          opd: 'DINSOS',
          competencyArea: 'komunikasi',
          amount: 1_500_000,
          need: NEEDS.A,
          requestedOn: '2027-01-05',
          decideOn: '2027-01-11',
        },
      },
    ]);
  });

  it('a redelivered request is held once', () => {
    expect(given(...byNeed, ...given(...byNeed).when(commit('A'))).when(commit('A'))).toEqual([]);
  });

  it('a request on a decision day belongs to that day’s window until it is decided, then to the next', () => {
    const onTheDay = commit('E', { requestedOn: '2027-01-11' });
    expect(given(...byNeed).when(onTheDay)).toMatchObject([{ data: { decideOn: '2027-01-11' } }]);
    const decided = history(heldFour, decide('2027-01-11'));
    expect(given(...decided).when(onTheDay)).toMatchObject([{ data: { decideOn: '2027-01-18' } }]);
  });

  it('money coming free is not served on the spot: it waits for the window', () => {
    const funded = history(heldFour, decide('2027-01-11'));
    expect(types(given(...funded).when({ type: 'ReleaseFunds', enrolmentId: 'eC', reason: 'withdrawn' }))).toEqual([
      'FundsReleased eC',
    ]);
  });
});

describe('deciding a funding window', () => {
  it('funds a later, higher-priority request ahead of an earlier, lower one, and records every score and why', () => {
    const out = given(...heldFour).when(decide('2027-01-11'));
    expect(types(out)).toEqual([
      'FundingWindowDecided',
      'FundsCommitted eC',
      'FundsCommitted eB',
      'CommitmentRejected eA',
      'CommitmentRejected eD',
    ]);
    const window = windowOf(out);
    expect(window).toMatchObject({ budgetId: B, decisionDay: '2027-01-11', decidedOn: '2027-01-11', scoreVersion: 1 });
    expect(window.decisions.map((d) => [d.nip, d.score, d.rank, d.outcome, d.allocationId])).toEqual([
      ['nipC', 75, 1, 'funded', 'area-komunikasi'],
      ['nipB', 74, 2, 'funded', 'area-komunikasi'],
      ['nipA', 9, 3, 'waitlisted', null],
      ['nipD', 0, 4, 'waitlisted', null],
    ]);
    expect(window.decisions[0].parts).toEqual({ plan: 40, jpShortfall: 18, gap: 10, ikm: 7 });
    expect(window.decisions[0].explanation).toBe(
      'rank 1 of 4, score 75 (plan 40 + JP shortfall 18 + gap 10 + IKM 7): funded from area-komunikasi, which had 3000000 free before it',
    );
    expect(window.decisions[2].explanation).toBe(
      'rank 3 of 4, score 9 (plan 0 + JP shortfall 6 + gap 0 + IKM 3): area-komunikasi has 0 free; 1500000 needed',
    );
    expect(out[3].data).toMatchObject({ reason: 'outranked', budgetId: B, competencyArea: 'komunikasi' });
    expect((out[3].data as { detail: string }).detail).toMatch(/^funding window of 2027-01-11, rank 3 of 4/);
  });

  it('deciding the same day again changes nothing', () => {
    expect(given(...history(heldFour, decide('2027-01-11'))).when(decide('2027-01-11'))).toEqual([]);
  });

  it('ranks those still waiting with the new ones: they keep waiting without a new event when outranked again', () => {
    // C withdraws after the first window: its money stays free for the second, where E (30) outranks A (9) and D (0).
    const second = history(
      heldFour,
      decide('2027-01-11'),
      { type: 'ReleaseFunds', enrolmentId: 'eC', reason: 'withdrawn' },
      commit('E'),
    );
    const out = given(...second).when(decide('2027-01-18'));
    expect(types(out)).toEqual(['FundingWindowDecided', 'FundsCommitted eE']);
    expect(windowOf(out).decisions.map((d) => [d.nip, d.score, d.outcome])).toEqual([
      ['nipE', 30, 'funded'],
      ['nipA', 9, 'waitlisted'],
      ['nipD', 0, 'waitlisted'],
    ]);
  });

  it('a request that does not fit keeps its allocation from those ranked below it (the order stays strict)', () => {
    // 1,500,000 free: C asks 2,000,000 and does not fit; B (1,000,000) would, but waits behind C.
    const small = history(
      [opened, toArea(1_500_000)],
      weekly,
      commit('B', { amount: 1_000_000 }),
      commit('C', { amount: 2_000_000 }),
    );
    const out = given(...small).when(decide('2027-01-11'));
    expect(types(out)).toEqual(['FundingWindowDecided', 'CommitmentRejected eC', 'CommitmentRejected eB']);
    expect(windowOf(out).decisions[1].explanation).toMatch(
      /rank 2 of 2, .*area-komunikasi is kept for rank 1, which it could not pay either; 1000000 needed/,
    );
    // C could never have been paid (allocation-exhausted); B could have, had it ranked first (outranked).
    expect(out.slice(1).map((e) => (e.data as { reason: string }).reason)).toEqual([
      'allocation-exhausted',
      'outranked',
    ]);
  });

  it('decides nothing when nothing is held and nothing could be funded', () => {
    const waitingOnly = history(heldFour, decide('2027-01-11'));
    expect(given(...waitingOnly).when(decide('2027-01-18'))).toEqual([]);
  });

  it('leaves requests made after the decision day for a later window', () => {
    const withLate = history(heldFour, commit('E'));
    const out = given(...withLate).when(decide('2027-01-11', '2027-01-13'));
    expect(windowOf(out).decisions.map((d) => d.nip)).not.toContain('nipE');
    expect(given(...withLate, ...out).state.held.map((h) => h.enrolmentId)).toEqual(['eE']);
  });

  it('refuses a decision day after today (400) and a budget that funds first-come (409)', () => {
    const future = problemOf(() => given(...heldFour).when(decide('2027-01-18', '2027-01-11')));
    expect(future.extensions.errors).toEqual([expect.objectContaining({ field: 'decisionDay' })]);
    expect(problemOf(() => given(opened, toArea(1)).when(decide('2027-01-11'))).slug).toBe('funding-first-come');
  });
});

describe('held requests leave like waiting ones', () => {
  it('on withdrawal, on a newer request of the enrolment, on cancellation and when the budget closes', () => {
    expect(types(given(...heldFour).when({ type: 'ReleaseFunds', enrolmentId: 'eA', reason: 'withdrawn' }))).toEqual([
      'FundsRequestWithdrawn eA',
    ]);
    expect(types(given(...heldFour).when({ type: 'WithdrawFundsRequest', enrolmentId: 'eB', attempt: 2 }))).toEqual([
      'FundsRequestWithdrawn eB',
    ]);
    expect(
      given(...heldFour).when({ type: 'ReleaseProgrammeFunds', programmeId: 'kom-sosial-2027', reason: 'cancelled' }),
    ).toHaveLength(4);
    const closed = given(...heldFour).when({ type: 'CloseBudget' });
    expect(types(closed)).toEqual([
      'FundsRequestWithdrawn eA',
      'FundsRequestWithdrawn eB',
      'FundsRequestWithdrawn eC',
      'FundsRequestWithdrawn eD',
      'BudgetClosed',
    ]);
    expect(closed[0].data).toMatchObject({ reason: 'budget-closed' });
  });
});

describe('going back to first-come', () => {
  it('decides the held requests in the order they arrived, not by score', () => {
    const out = given(...heldFour).when(firstCome);
    expect(types(out)).toEqual([
      'FundingPolicySet',
      'FundsCommitted eA',
      'FundsCommitted eB',
      'CommitmentRejected eC',
      'CommitmentRejected eD',
    ]);
    expect(out[3].data).toMatchObject({ reason: 'allocation-exhausted' });
    expect(given(...heldFour, ...out).state.held).toEqual([]);
  });

  it('serves those already waiting before the held ones', () => {
    const waiting = history(
      heldFour,
      decide('2027-01-11'),
      { type: 'ReleaseFunds', enrolmentId: 'eC', reason: 'withdrawn' },
      commit('E'),
    );
    // A and D wait (in that order) since the first window; E is held; C's money is free.
    expect(types(given(...waiting).when(firstCome))).toEqual([
      'FundingPolicySet',
      'FundsCommitted eA',
      'CommitmentRejected eE',
    ]);
  });
});
