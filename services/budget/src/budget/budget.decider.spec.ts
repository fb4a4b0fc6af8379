import type { BudgetEvent } from '@kompeten/contracts';
import { DomainError, givenEvents } from '@kompeten/domain';
import type { CommitmentRequest } from './budget.commands';
import { budgetDecider } from './budget.decider';
import { serveQueue } from './funds-queue.rules';

// Object mothers: Dinas Kesehatan's 2026 APBD training budget of Rp 100 juta.
const B = '2026-DINKES-APBD';
const opened: BudgetEvent = {
  type: 'BudgetOpened',
  data: { budgetId: B, fiscalYear: 2026, opd: 'DINKES', fundingSource: 'APBD', ceiling: 100_000_000 },
};
const toProgramme = (amount: number, programmeId = 'kom-2026'): BudgetEvent => ({
  type: 'FundsAllocated',
  data: { budgetId: B, allocationId: `programme-${programmeId}`, target: { kind: 'programme', programmeId }, amount },
});
const toArea = (amount: number, competencyArea = 'patient-management'): BudgetEvent => ({
  type: 'FundsAllocated',
  data: {
    budgetId: B,
    allocationId: `area-${competencyArea}`,
    target: { kind: 'competency-area', competencyArea },
    amount,
  },
});
const request = (n: number, over: Partial<CommitmentRequest> = {}): CommitmentRequest => ({
  enrolmentId: `e${n}`,
  attempt: 1,
  programmeId: 'kom-2026',
  nip: `nip${n}`,
  opd: 'DINKES',
  fiscalYear: 2026,
  competencyArea: 'patient-management',
  amount: 1_500_000,
  need: null,
  requestedOn: '2026-03-02',
  ...over,
});
const commit = (n: number, over: Partial<CommitmentRequest> = {}) => ({
  type: 'CommitFunds' as const,
  ...request(n, over),
});
const committed = (n: number, allocationId = 'programme-kom-2026', amount = 1_500_000): BudgetEvent => ({
  type: 'FundsCommitted',
  data: {
    budgetId: B,
    allocationId,
    commitmentId: `${B}:c${n}`,
    enrolmentId: `e${n}`,
    programmeId: 'kom-2026',
    nip: `nip${n}`,
    opd: 'DINKES',
    amount,
  },
});
const given = (...events: BudgetEvent[]) => givenEvents(budgetDecider, events);
const problemOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};
const fieldOf = (f: () => unknown) => (problemOf(f).extensions.errors as { field: string }[])[0].field;

describe('opening and allocating a budget', () => {
  it('opens a fiscal-year budget with an integer ceiling', () => {
    expect(
      given().when({
        type: 'OpenBudget',
        budgetId: B,
        fiscalYear: 2026,
        opd: 'DINKES',
        fundingSource: 'APBD',
        ceiling: 100_000_000,
        thisYear: 2026,
      }),
    ).toEqual([opened]);
  });
  it.each([[0], [-5], [1.5], [Number.MAX_SAFE_INTEGER + 2]])('refuses a ceiling of %p, naming the field', (ceiling) => {
    expect(
      fieldOf(() =>
        given().when({
          type: 'OpenBudget',
          budgetId: B,
          fiscalYear: 2026,
          opd: 'DINKES',
          fundingSource: 'APBD',
          ceiling,
          thisYear: 2026,
        }),
      ),
    ).toBe('ceiling');
  });
  const openFor = (fiscalYear: number, thisYear: number) =>
    given().when({
      type: 'OpenBudget',
      budgetId: `${fiscalYear}-DINKES-APBD`,
      fiscalYear,
      opd: 'DINKES',
      fundingSource: 'APBD',
      ceiling: 100_000_000,
      thisYear,
    });
  it('opens next year’s budget before the year starts (the APBD is adopted in the year before), and past years', () => {
    expect(openFor(2027, 2026)).toMatchObject([{ type: 'BudgetOpened', data: { fiscalYear: 2027 } }]);
    expect(openFor(2024, 2026)).toMatchObject([{ type: 'BudgetOpened', data: { fiscalYear: 2024 } }]);
  });
  it('refuses a budget more than one fiscal year ahead of the city’s year, naming the field', () => {
    expect(problemOf(() => openFor(2028, 2026))).toMatchObject({
      kind: 'invalid',
      extensions: { errors: [{ field: 'fiscalYear', message: expect.stringContaining('at most 2027') as unknown }] },
    });
  });
  it('refuses to open the same budget twice', () => {
    expect(
      problemOf(() =>
        given(opened).when({
          type: 'OpenBudget',
          budgetId: B,
          fiscalYear: 2026,
          opd: 'DINKES',
          fundingSource: 'APBD',
          ceiling: 1,
          thisYear: 2026,
        }),
      ).kind,
    ).toBe('conflict');
  });
  it('allocates to a programme or a competency area, one allocation per target', () => {
    expect(
      given(opened).when({
        type: 'AllocateFunds',
        target: { kind: 'programme', programmeId: 'kom-2026' },
        amount: 30_000_000,
      }),
    ).toEqual([toProgramme(30_000_000)]);
    expect(
      given(opened).when({
        type: 'AllocateFunds',
        target: { kind: 'competency-area', competencyArea: 'patient-management' },
        amount: 5,
      }),
    ).toEqual([toArea(5)]);
    expect(
      problemOf(() =>
        given(opened, toArea(5)).when({
          type: 'AllocateFunds',
          target: { kind: 'competency-area', competencyArea: 'patient-management' },
          amount: 5,
        }),
      ).slug,
    ).toBe('allocation-exists');
  });
  it('never allocates beyond the ceiling', () => {
    const events = [opened, toProgramme(60_000_000)];
    expect(
      given(...events).when({
        type: 'AllocateFunds',
        target: { kind: 'competency-area', competencyArea: 'x' },
        amount: 40_000_000,
      }),
    ).toHaveLength(1);
    expect(
      fieldOf(() =>
        given(...events).when({
          type: 'AllocateFunds',
          target: { kind: 'competency-area', competencyArea: 'x' },
          amount: 40_000_001,
        }),
      ),
    ).toBe('amount');
  });
  it('refuses negative or fractional allocations', () => {
    expect(
      fieldOf(() =>
        given(opened).when({ type: 'AllocateFunds', target: { kind: 'programme', programmeId: 'p' }, amount: -1 }),
      ),
    ).toBe('amount');
    expect(
      fieldOf(() =>
        given(opened).when({ type: 'AllocateFunds', target: { kind: 'programme', programmeId: 'p' }, amount: 0.5 }),
      ),
    ).toBe('amount');
  });
  it('answers 404 for a unit without that budget', () => {
    expect(
      problemOf(() =>
        given().when({ type: 'AllocateFunds', target: { kind: 'programme', programmeId: 'p' }, amount: 1 }),
      ).kind,
    ).toBe('not-found');
    expect(problemOf(() => given().when({ type: 'CloseBudget' })).kind).toBe('not-found');
  });
});

describe('revising an allocation', () => {
  const revise = (amount: number) => ({
    type: 'ReviseAllocation' as const,
    allocationId: 'programme-kom-2026',
    amount,
  });
  it('moves an allocation up or down', () => {
    expect(given(opened, toProgramme(10_000_000)).when(revise(12_000_000))).toEqual([
      {
        type: 'AllocationRevised',
        data: { budgetId: B, allocationId: 'programme-kom-2026', amount: 12_000_000, previousAmount: 10_000_000 },
      },
    ]);
  });
  it('never below what is already committed and spent', () => {
    const spent: BudgetEvent = {
      type: 'ExpenditureRecorded',
      data: {
        budgetId: B,
        allocationId: 'programme-kom-2026',
        commitmentId: `${B}:c1`,
        enrolmentId: 'e1',
        programmeId: 'kom-2026',
        nip: 'nip1',
        committed: 1_500_000,
        amount: 1_400_000,
        jp: 24,
      },
    };
    const events = [opened, toProgramme(10_000_000), committed(1), committed(2), spent];
    expect(given(...events).when(revise(2_900_000))).toHaveLength(1);
    expect(problemOf(() => given(...events).when(revise(2_899_999)))).toMatchObject({
      kind: 'invalid',
      extensions: { errors: [{ field: 'amount' }] },
    });
  });
  it('never above the ceiling, counting the other allocations', () => {
    const events = [opened, toProgramme(10_000_000), toArea(80_000_000)];
    expect(given(...events).when(revise(20_000_000))).toHaveLength(1);
    expect(fieldOf(() => given(...events).when(revise(20_000_001)))).toBe('amount');
  });
  it('changes nothing when the amount is the same, and answers 404 for an unknown allocation', () => {
    expect(given(opened, toProgramme(10)).when(revise(10))).toEqual([]);
    expect(problemOf(() => given(opened).when(revise(10))).slug).toBe('allocation-not-found');
  });
});

describe('committing funds for an enrolment', () => {
  it('commits against the programme’s own allocation first', () => {
    expect(given(opened, toArea(10_000_000), toProgramme(10_000_000)).when(commit(1))).toEqual([committed(1)]);
  });
  it('falls back to the competency area when the programme’s allocation is missing or exhausted', () => {
    expect(given(opened, toArea(10_000_000)).when(commit(1))).toEqual([committed(1, 'area-patient-management')]);
    expect(given(opened, toProgramme(1_500_000), committed(1), toArea(10_000_000)).when(commit(2))).toEqual([
      committed(2, 'area-patient-management'),
    ]);
  });
  it('rejects with allocation-exhausted when no allocation has room, naming what is left', () => {
    const [e] = given(opened, toProgramme(2_000_000), committed(1, 'programme-kom-2026', 1_000_000)).when(commit(2));
    expect(e).toEqual({
      type: 'CommitmentRejected',
      // @types/jest types the asymmetric matchers `any`; as `unknown` they stand in for a value without it.
      data: expect.objectContaining({
        budgetId: B,
        enrolmentId: 'e2',
        reason: 'allocation-exhausted',
        amount: 1_500_000,
      }) as unknown,
    });
    expect((e.data as { detail: string }).detail).toContain('programme-kom-2026 has 1000000 free');
  });
  it('commits up to the last rupiah, never past it', () => {
    const events = [opened, toProgramme(3_000_000), committed(1)];
    expect(given(...events).when(commit(2))[0].type).toBe('FundsCommitted');
    expect(given(...events, committed(2)).when(commit(3))[0]).toMatchObject({
      type: 'CommitmentRejected',
      data: { reason: 'allocation-exhausted' },
    });
  });
  it('rejects with no-allocation when the budget funds neither the programme nor its area', () => {
    expect(given(opened, toArea(10_000_000, 'disaster-management')).when(commit(1))[0]).toMatchObject({
      type: 'CommitmentRejected',
      data: { reason: 'no-allocation' },
    });
  });
  it('rejects with budget-closed after the year is closed', () => {
    const closed: BudgetEvent = { type: 'BudgetClosed', data: { budgetId: B, unspent: 100_000_000 } };
    expect(given(opened, toProgramme(10_000_000), closed).when(commit(1))[0]).toMatchObject({
      type: 'CommitmentRejected',
      data: { reason: 'budget-closed' },
    });
  });
  it('rejects with no-budget in a unit’s rejection stream (no budget events at all)', () => {
    expect(given().when(commit(1))).toEqual([
      {
        type: 'CommitmentRejected',
        data: expect.objectContaining({
          budgetId: null,
          reason: 'no-budget',
          detail: 'DINKES has no training budget for 2026',
        }) as unknown,
      },
    ]);
  });
  it('answers each enrolment once: a second request for the same enrolment changes nothing', () => {
    const events = [opened, toProgramme(10_000_000), committed(1)];
    expect(given(...events).when(commit(1))).toEqual([]);
    const rejected = given().when(commit(2));
    expect(given(...rejected).when(commit(2))).toEqual([]);
  });
  it('refuses a negative or fractional cost (a malformed event, not a lack of money)', () => {
    expect(fieldOf(() => given(opened, toProgramme(10)).when(commit(1, { amount: -1 })))).toBe('amount');
    expect(fieldOf(() => given(opened, toProgramme(10)).when(commit(1, { amount: 1.25 })))).toBe('amount');
  });
});

describe('releasing funds', () => {
  const events = [opened, toProgramme(3_000_000), committed(1), committed(2)];
  const released = (n: number, reason: string) => ({
    type: 'FundsReleased',
    data: {
      budgetId: B,
      allocationId: 'programme-kom-2026',
      commitmentId: `${B}:c${n}`,
      enrolmentId: `e${n}`,
      amount: 1_500_000,
      reason,
    },
  });
  it('gives back a withdrawn enrolment’s commitment, and the money can be committed again', () => {
    const out = given(...events).when({ type: 'ReleaseFunds', enrolmentId: 'e1', reason: 'withdrawn' });
    expect(out).toEqual([released(1, 'withdrawn')]);
    expect(given(...events, ...out).when(commit(3))[0].type).toBe('FundsCommitted');
  });
  it('releases once: again, or for an unknown enrolment, changes nothing', () => {
    const out = given(...events).when({ type: 'ReleaseFunds', enrolmentId: 'e1', reason: 'not-completed' });
    expect(given(...events, ...out).when({ type: 'ReleaseFunds', enrolmentId: 'e1', reason: 'withdrawn' })).toEqual([]);
    expect(given(...events).when({ type: 'ReleaseFunds', enrolmentId: 'nobody', reason: 'withdrawn' })).toEqual([]);
  });
  it('releases every open commitment of a cancelled programme', () => {
    expect(
      given(...events).when({ type: 'ReleaseProgrammeFunds', programmeId: 'kom-2026', reason: 'cancelled' }),
    ).toEqual([released(1, 'cancelled'), released(2, 'cancelled')]);
  });
});

describe('recording expenditure', () => {
  const events = [opened, toProgramme(3_100_000), committed(1), committed(2)];
  const completion = (n: number, amount: number) => ({
    type: 'RecordCompletionCost' as const,
    enrolmentId: `e${n}`,
    amount,
    jp: 24,
  });
  it('turns the commitment into spending at the actual cost, which may differ', () => {
    expect(given(...events).when(completion(1, 1_200_000))).toEqual([
      {
        type: 'ExpenditureRecorded',
        data: {
          budgetId: B,
          allocationId: 'programme-kom-2026',
          commitmentId: `${B}:c1`,
          enrolmentId: 'e1',
          programmeId: 'kom-2026',
          nip: 'nip1',
          committed: 1_500_000,
          amount: 1_200_000,
          jp: 24,
        },
      },
    ]);
    expect(given(...events).when(completion(1, 1_600_000))[0].type).toBe('ExpenditureRecorded');
  });
  it('rejects an overrun the allocation cannot cover, keeping the commitment', () => {
    const out = given(...events).when(completion(1, 1_600_001));
    expect(out).toEqual([
      {
        type: 'ExpenditureRejected',
        data: expect.objectContaining({
          reason: 'exceeds-allocation',
          committed: 1_500_000,
          amount: 1_600_001,
        }) as unknown,
      },
    ]);
    expect(given(...events, ...out).state.commitments.e1.status).toBe('open');
    expect(given(...events, ...out).when(completion(1, 1_600_001))).toEqual([]);
  });
  it('after a rejected overrun and a revised allocation, the cost is recorded by hand', () => {
    const rejected = [...events, ...given(...events).when(completion(1, 2_000_000))];
    const revised = [
      ...rejected,
      ...given(...rejected).when({ type: 'ReviseAllocation', allocationId: 'programme-kom-2026', amount: 3_500_000 }),
    ];
    expect(
      given(...revised).when({ type: 'RecordExpenditure', commitmentId: `${B}:c1`, amount: 2_000_000, jp: 24 })[0],
    ).toMatchObject({ type: 'ExpenditureRecorded', data: { committed: 1_500_000, amount: 2_000_000 } });
  });
  it('records once, and ignores unknown or released commitments', () => {
    const out = given(...events).when(completion(1, 1_500_000));
    expect(given(...events, ...out).when(completion(1, 1_500_000))).toEqual([]);
    expect(given(...events).when(completion(9, 1))).toEqual([]);
  });
  it('by hand: by commitment id, refusing what does not fit, unknown or settled commitments', () => {
    const byHand = (commitmentId: string, amount: number) => ({
      type: 'RecordExpenditure' as const,
      commitmentId,
      amount,
      jp: 24,
    });
    expect(given(...events).when(byHand(`${B}:c2`, 1_000_000))[0]).toMatchObject({
      type: 'ExpenditureRecorded',
      data: { enrolmentId: 'e2', amount: 1_000_000 },
    });
    expect(fieldOf(() => given(...events).when(byHand(`${B}:c2`, 1_600_001)))).toBe('amount');
    expect(fieldOf(() => given(...events).when(byHand(`${B}:c2`, -1)))).toBe('amount');
    expect(problemOf(() => given(...events).when(byHand('nope', 1))).kind).toBe('not-found');
    const spent = given(...events).when(byHand(`${B}:c2`, 1));
    expect(problemOf(() => given(...events, ...spent).when(byHand(`${B}:c2`, 1)))).toMatchObject({
      kind: 'conflict',
      extensions: { currentState: 'spent' },
    });
  });
});

describe('closing the year', () => {
  const events = [opened, toProgramme(3_000_000), committed(1), committed(2)];
  it('lapses open commitments and records what was left unspent', () => {
    const out = given(...events).when({ type: 'CloseBudget' });
    expect(out.map((e) => e.type)).toEqual(['FundsReleased', 'FundsReleased', 'BudgetClosed']);
    expect(out[0].data).toMatchObject({ reason: 'year-closed' });
    expect(out[2]).toEqual({ type: 'BudgetClosed', data: { budgetId: B, unspent: 100_000_000 } });
  });
  it('is closed once, then refuses allocations, revisions and expenditure by hand', () => {
    const closed = [...events, ...given(...events).when({ type: 'CloseBudget' })];
    expect(given(...closed).when({ type: 'CloseBudget' })).toEqual([]);
    expect(
      problemOf(() =>
        given(...closed).when({ type: 'AllocateFunds', target: { kind: 'programme', programmeId: 'p' }, amount: 1 }),
      ).slug,
    ).toBe('budget-closed');
    expect(
      problemOf(() =>
        given(...closed).when({ type: 'ReviseAllocation', allocationId: 'programme-kom-2026', amount: 1 }),
      ).kind,
    ).toBe('conflict');
    expect(
      problemOf(() => given(...closed).when({ type: 'RecordExpenditure', commitmentId: `${B}:c1`, amount: 1, jp: 1 }))
        .kind,
    ).toBe('conflict');
  });
  it('answers a completion of a lapsed commitment with ExpenditureRejected', () => {
    const closed = [...events, ...given(...events).when({ type: 'CloseBudget' })];
    expect(
      given(...closed).when({ type: 'RecordCompletionCost', enrolmentId: 'e1', amount: 1_500_000, jp: 24 })[0],
    ).toMatchObject({ type: 'ExpenditureRejected', data: { reason: 'commitment-lapsed' } });
  });
});

describe('the invariants: committed + spent ≤ allocated ≤ ceiling, and the funds queue served as far as the money goes', () => {
  it('hold after any sequence of commands (random walk)', () => {
    let s = given(opened).state;
    const events: BudgetEvent[] = [opened];
    let seed = 7;
    // A 32-bit LCG, read from its high bits (its low bits repeat with short periods).
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 16) % n;
    };
    const commands = [
      () => ({
        type: 'AllocateFunds' as const,
        target: { kind: 'competency-area' as const, competencyArea: `a${rnd(3)}` },
        amount: 1 + rnd(40_000_000),
      }),
      () => ({ type: 'ReviseAllocation' as const, allocationId: `area-a${rnd(3)}`, amount: rnd(40_000_000) }),
      () =>
        commit(rnd(60), {
          attempt: 1 + rnd(3),
          competencyArea: `a${rnd(3)}`,
          programmeId: `p${rnd(2)}`,
          amount: rnd(3_000_000),
        }),
      () => commit(rnd(60), { competencyArea: `a${rnd(3)}`, programmeId: `p${rnd(2)}`, amount: rnd(30_000_000) }),
      () => ({
        type: 'ReleaseFunds' as const,
        enrolmentId: `e${rnd(60)}`,
        reason: rnd(2) ? ('withdrawn' as const) : ('waitlisted' as const),
      }),
      () => ({ type: 'ReleaseProgrammeFunds' as const, programmeId: `p${rnd(2)}`, reason: 'cancelled' as const }),
      () => ({ type: 'WithdrawFundsRequest' as const, enrolmentId: `e${rnd(60)}`, attempt: 1 + rnd(4) }),
      () => ({ type: 'RecordCompletionCost' as const, enrolmentId: `e${rnd(60)}`, amount: rnd(4_000_000), jp: 8 }),
    ];
    for (let i = 0; i < 3000; i++) {
      try {
        const decided = budgetDecider.decide(commands[rnd(commands.length)](), s);
        events.push(...decided);
        s = decided.reduce((x, e) => budgetDecider.evolve(x, e), s);
      } catch {
        /* a refusal appends nothing */
      }
      const allocations = Object.values(s.allocations);
      for (const a of allocations) expect(a.committed + a.spent).toBeLessThanOrEqual(a.amount);
      expect(allocations.reduce((t, a) => t + a.amount, 0)).toBeLessThanOrEqual(s.ceiling);
      // Nobody waits for money that is there for them, and nobody waits while holding a commitment.
      expect(serveQueue(s)).toEqual([]);
      const waiting = s.waiting.map((w) => w.enrolmentId);
      expect(new Set(waiting).size).toBe(waiting.length);
      for (const id of waiting) expect(s.commitments[id]?.status).not.toBe('open');
    }
    const commitments = events.filter((e) => e.type === 'FundsCommitted');
    expect(commitments.length).toBeGreaterThan(10);
    expect(new Set(commitments.map((e) => e.data.commitmentId)).size).toBe(commitments.length);
    expect(events.filter((e) => e.type === 'FundsRequestWithdrawn').length).toBeGreaterThan(10);
  });
});
