import type { BudgetEvent } from '@kompeten/contracts';
import { givenEvents } from '@kompeten/domain';
import type { CommitmentRequest } from './budget.commands';
import { budgetDecider } from './budget.decider';

// Dinas Kesehatan's 2026 APBD budget; the programme kom-2026 (area patient-management) has its own allocation.
const B = '2026-DINKES-APBD';
const opened: BudgetEvent = {
  type: 'BudgetOpened',
  data: { budgetId: B, fiscalYear: 2026, opd: 'DINKES', fundingSource: 'APBD', ceiling: 100_000_000 },
};
const allocated = (allocationId: string, amount: number): BudgetEvent => ({
  type: 'FundsAllocated',
  data: {
    budgetId: B,
    allocationId,
    amount,
    target: allocationId.startsWith('programme-')
      ? { kind: 'programme', programmeId: allocationId.slice('programme-'.length) }
      : { kind: 'competency-area', competencyArea: allocationId.slice('area-'.length) },
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

/** Plays the commands one after the other, as the log would record their decisions. */
function history(start: BudgetEvent[], ...commands: Parameters<typeof budgetDecider.decide>[0][]) {
  let events = start;
  for (const c of commands) events = [...events, ...givenEvents(budgetDecider, events).when(c)];
  return events;
}
const given = (...events: BudgetEvent[]) => givenEvents(budgetDecider, events);
const types = (events: BudgetEvent[]) =>
  events.map((e) => `${e.type}${'enrolmentId' in e.data ? ` ${e.data.enrolmentId}` : ''}`);
const revise = (allocationId: string, amount: number) => ({ type: 'ReviseAllocation' as const, allocationId, amount });

// The programme's allocation holds exactly one participant: e1 is committed, e2 and e3 wait.
const full = history([opened, allocated('programme-kom-2026', 1_500_000)], commit(1), commit(2), commit(3));

describe('the funds queue: a request rejected for want of money waits in the budget', () => {
  it('rejects with allocation-exhausted and puts the request in line, with its attempt and area', () => {
    const [rejection] = given(...full.slice(0, 3)).when(commit(2));
    expect(rejection).toMatchObject({
      type: 'CommitmentRejected',
      data: { enrolmentId: 'e2', attempt: 1, competencyArea: 'patient-management', reason: 'allocation-exhausted' },
    });
    expect((rejection.data as { detail: string }).detail).toMatch(/has 0 free; 1500000 needed; .*number 1 in line/);
    expect(given(...full).state.waiting.map((w) => w.enrolmentId)).toEqual(['e2', 'e3']);
  });

  it('waits for an allocation that does not exist yet (no-allocation), and is served when it is made', () => {
    const waiting = history([opened], commit(1));
    expect(given(...waiting).state.waiting).toHaveLength(1);
    const out = given(...waiting).when({
      type: 'AllocateFunds',
      target: { kind: 'competency-area', competencyArea: 'patient-management' },
      amount: 5_000_000,
    });
    expect(types(out)).toEqual(['FundsAllocated', 'FundsCommitted e1']);
  });

  it('does not queue where no money can come: the no-budget rejection stream, a closed budget', () => {
    expect(given(...given().when(commit(1))).state.waiting).toEqual([]);
    const closed = history([opened, allocated('programme-kom-2026', 1)], { type: 'CloseBudget' }, commit(1));
    expect(given(...closed).state.waiting).toEqual([]);
  });
});

describe('money coming free goes to the waiting requests in the same decision, in order', () => {
  it('an allocation revised upwards commits the first in line', () => {
    expect(types(given(...full).when(revise('programme-kom-2026', 3_000_000)))).toEqual([
      'AllocationRevised',
      'FundsCommitted e2',
    ]);
  });

  it('enough for several commits them all, in the order they were rejected', () => {
    expect(types(given(...full).when(revise('programme-kom-2026', 4_500_000)))).toEqual([
      'AllocationRevised',
      'FundsCommitted e2',
      'FundsCommitted e3',
    ]);
  });

  it('stops at the first that does not fit: nobody behind it jumps the line, even when it would fit', () => {
    const queue = history(full.slice(0, 3), commit(2, { amount: 2_000_000 }), commit(3, { amount: 1_000_000 }));
    // 1 500 000 free: not enough for e2 (2 000 000), enough for e3 (1 000 000), who waits behind e2.
    expect(types(given(...queue).when(revise('programme-kom-2026', 3_000_000)))).toEqual(['AllocationRevised']);
    expect(types(given(...queue).when(revise('programme-kom-2026', 4_500_000)))).toEqual([
      'AllocationRevised',
      'FundsCommitted e2',
      'FundsCommitted e3',
    ]);
  });

  it('a release (a withdrawal) commits the next in line', () => {
    expect(types(given(...full).when({ type: 'ReleaseFunds', enrolmentId: 'e1', reason: 'withdrawn' }))).toEqual([
      'FundsReleased e1',
      'FundsCommitted e2',
    ]);
  });

  it('a completion cheaper than its commitment frees the difference for the next in line', () => {
    const queue = history(full.slice(0, 3), commit(2, { amount: 500_000 }));
    expect(
      types(given(...queue).when({ type: 'RecordCompletionCost', enrolmentId: 'e1', amount: 1_000_000, jp: 24 })),
    ).toEqual(['ExpenditureRecorded e1', 'FundsCommitted e2']);
  });

  it('names the commitments it makes itself: the budget and the commitment’s number in it', () => {
    const out = given(...full).when(revise('programme-kom-2026', 4_500_000));
    expect(out.slice(1).map((e) => (e.data as { commitmentId: string }).commitmentId)).toEqual([`${B}:c2`, `${B}:c3`]);
  });
});

describe('nobody jumps the line, and nobody is held up by a line for other money', () => {
  // e2 needs 2 000 000 and waits; 1 500 000 is free in the programme's allocation.
  const waiting = history(
    [opened, allocated('programme-kom-2026', 3_000_000)],
    commit(1),
    commit(2, { amount: 2_000_000 }),
  );

  it('a new request that would fit waits behind the earlier one for the same allocation', () => {
    const [rejection] = given(...waiting).when(commit(3, { amount: 1_000_000 }));
    expect(rejection).toMatchObject({ type: 'CommitmentRejected', data: { reason: 'allocation-exhausted' } });
    expect((rejection.data as { detail: string }).detail).toMatch(
      /earlier requests wait for programme-kom-2026; waits for funds in this budget, number 2 in line/,
    );
  });

  it('a request for another programme and area is paid from its own money', () => {
    const other = [...waiting, allocated('area-disaster-management', 5_000_000)];
    expect(
      types(given(...other).when(commit(3, { programmeId: 'bencana-2026', competencyArea: 'disaster-management' }))),
    ).toEqual(['FundsCommitted e3']);
  });

  it('while serving the line, a later request for other money is committed past one that does not fit', () => {
    const mixed = history(
      [opened, allocated('programme-kom-2026', 1_500_000), allocated('area-disaster-management', 1)],
      commit(1),
      commit(2),
      commit(3, { programmeId: 'bencana-2026', competencyArea: 'disaster-management' }),
    );
    expect(types(given(...mixed).when(revise('area-disaster-management', 1_500_000)))).toEqual([
      'AllocationRevised',
      'FundsCommitted e3',
    ]);
  });
});

describe('a request leaves the line when its enrolment ends, or a newer request replaces it', () => {
  it('on withdrawal: FundsRequestWithdrawn, and money that comes later goes to the next', () => {
    const out = given(...full).when({ type: 'ReleaseFunds', enrolmentId: 'e2', reason: 'withdrawn' });
    expect(out).toEqual([
      {
        type: 'FundsRequestWithdrawn',
        data: {
          budgetId: B,
          enrolmentId: 'e2',
          attempt: 1,
          programmeId: 'kom-2026',
          nip: 'nip2',
          amount: 1_500_000,
          reason: 'withdrawn',
        },
      },
    ]);
    expect(types(given(...full, ...out).when(revise('programme-kom-2026', 3_000_000)))).toEqual([
      'AllocationRevised',
      'FundsCommitted e3',
    ]);
  });

  it('a withdrawal at the head of the line lets the next in, when its smaller request fits', () => {
    const queue = history(
      [opened, allocated('programme-kom-2026', 2_500_000)],
      commit(1),
      commit(2, { amount: 2_000_000 }),
      commit(3, { amount: 1_000_000 }),
    );
    expect(types(given(...queue).when({ type: 'ReleaseFunds', enrolmentId: 'e2', reason: 'withdrawn' }))).toEqual([
      'FundsRequestWithdrawn e2',
      'FundsCommitted e3',
    ]);
  });

  it('on cancellation: the programme’s waiting requests leave before its money is released, so none of it goes back to them', () => {
    const out = given(...full).when({ type: 'ReleaseProgrammeFunds', programmeId: 'kom-2026', reason: 'cancelled' });
    expect(types(out)).toEqual(['FundsRequestWithdrawn e2', 'FundsRequestWithdrawn e3', 'FundsReleased e1']);
  });

  it('when the year closes: every waiting request is withdrawn (budget-closed)', () => {
    const out = given(...full).when({ type: 'CloseBudget' });
    expect(types(out)).toEqual([
      'FundsRequestWithdrawn e2',
      'FundsRequestWithdrawn e3',
      'FundsReleased e1',
      'BudgetClosed',
    ]);
    expect(out[0].data).toMatchObject({ reason: 'budget-closed' });
  });
});

describe('each request (enrolment, attempt) is answered once; a re-request is decided again, at the back', () => {
  it('a redelivered request changes nothing, waiting or committed', () => {
    expect(given(...full).when(commit(2))).toEqual([]);
    expect(given(...full).when(commit(1))).toEqual([]);
  });

  it('a re-request takes the older request out of the line and stands behind everyone waiting', () => {
    const out = given(...full).when({ type: 'WithdrawFundsRequest', enrolmentId: 'e2', attempt: 2 });
    expect(out).toMatchObject([{ type: 'FundsRequestWithdrawn', data: { enrolmentId: 'e2', reason: 're-requested' } }]);
    const [again] = given(...full, ...out).when(commit(2, { attempt: 2 }));
    expect(again).toMatchObject({ type: 'CommitmentRejected', data: { enrolmentId: 'e2', attempt: 2 } });
    expect((again.data as { detail: string }).detail).toMatch(/number 2 in line/);
    expect(given(...full, ...out, again).state.waiting.map((w) => `${w.enrolmentId}#${w.attempt}`)).toEqual([
      'e3#1',
      'e2#2',
    ]);
  });

  it('withdrawing for a re-request leaves a request of the same or a later attempt alone (a redelivery)', () => {
    expect(given(...full).when({ type: 'WithdrawFundsRequest', enrolmentId: 'e2', attempt: 1 })).toEqual([]);
  });

  it('a commitment given back because the enrolment was waitlisted for a seat is asked for again when it gets one', () => {
    const released = history(full, { type: 'ReleaseFunds', enrolmentId: 'e1', reason: 'waitlisted' });
    // e2 took the money; e1's promotion (its next attempt) is decided, and waits behind e3.
    expect(types(released.slice(full.length))).toEqual(['FundsReleased e1', 'FundsCommitted e2']);
    expect(given(...released).when(commit(1, { attempt: 2 }))).toMatchObject([
      { type: 'CommitmentRejected', data: { enrolmentId: 'e1', attempt: 2 } },
    ]);
  });
});
