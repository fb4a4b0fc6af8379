import type { BudgetEvent, FundsRequestWithdrawn } from '@kompeten/contracts';
import {
  type Allocation,
  type BudgetState,
  evolveBudget,
  free,
  allocationIdFor,
  type WaitingRequest,
} from './budget.state';

/**
 * The funds queue. A request rejected for want of money in a budget (allocation-exhausted,
 * no-allocation) waits there, in the order of its rejection. Whenever a decision leaves money
 * free, the same decision commits the waiting requests in order while they fit. A request that
 * does not fit holds the allocations it could be paid from: nobody behind it takes money from
 * them, so nobody jumps the line. Requests that could never use those allocations (another
 * programme, another area) are not held up by it — they compete for other money.
 */

type Payable = Pick<WaitingRequest, 'enrolmentId' | 'programmeId' | 'nip' | 'competencyArea' | 'amount'>;

/** The allocations that may pay for a programme, in the order they are tried: its own, then its competency area's. */
export function allocationsFor(s: BudgetState, programmeId: string, competencyArea: string): Allocation[] {
  return [
    allocationIdFor({ kind: 'programme', programmeId }),
    allocationIdFor({ kind: 'competency-area', competencyArea }),
  ]
    .map((id) => s.allocations[id])
    .filter((a) => a !== undefined);
}

/**
 * The allocations held for requests already waiting (other than `except`, a re-request of one of
 * them). After every decision the queue has been served as far as the money goes, so each waiting
 * request waits because none of its allocations has enough for it.
 */
export function heldForQueue(s: BudgetState, except?: string): Set<string> {
  const held = new Set<string>();
  for (const w of s.waiting)
    if (w.enrolmentId !== except)
      for (const a of allocationsFor(s, w.programmeId, w.competencyArea)) held.add(a.allocationId);
  return held;
}

/** The allocation that pays a request now: its programme's or its area's, with enough free, not held for anyone before it. */
export function payingAllocation(s: BudgetState, r: Payable, held: Set<string>): Allocation | undefined {
  return allocationsFor(s, r.programmeId, r.competencyArea).find(
    (a) => !held.has(a.allocationId) && free(a) >= r.amount,
  );
}

/**
 * The decider is pure, so it names a commitment itself: the budget and the commitment's number in
 * it (`2026-DINKES-APBD:c12`). Unique, because the append is made at the version it was decided on.
 */
export function fundsCommitted(s: BudgetState, r: Payable, a: Allocation): BudgetEvent {
  return {
    type: 'FundsCommitted',
    data: {
      budgetId: s.budgetId,
      allocationId: a.allocationId,
      commitmentId: `${s.budgetId}:c${s.commitmentCount + 1}`,
      enrolmentId: r.enrolmentId,
      programmeId: r.programmeId,
      nip: r.nip,
      opd: s.opd,
      amount: r.amount,
    },
  };
}

/** FundsCommitted for the waiting requests that fit now, in line order (appended by every decision of an open budget). */
export function serveQueue(s: BudgetState): BudgetEvent[] {
  if (s.status !== 'open') return [];
  const events: BudgetEvent[] = [];
  const held = new Set<string>();
  let state = s;
  for (const w of s.waiting) {
    const a = payingAllocation(state, w, held);
    if (!a) {
      for (const x of allocationsFor(state, w.programmeId, w.competencyArea)) held.add(x.allocationId);
      continue;
    }
    const committed = fundsCommitted(state, w, a);
    events.push(committed);
    state = evolveBudget(state, committed);
  }
  return events;
}

/** Waiting requests that match leave the queue without money; so do held ones (funding by need). */
export function withdrawWaiting(
  s: BudgetState,
  which: (w: WaitingRequest) => boolean,
  reason: FundsRequestWithdrawn['data']['reason'],
): BudgetEvent[] {
  return [...s.waiting, ...s.held].filter(which).map((w) => ({
    type: 'FundsRequestWithdrawn',
    data: {
      budgetId: s.budgetId,
      enrolmentId: w.enrolmentId,
      attempt: w.attempt,
      programmeId: w.programmeId,
      nip: w.nip,
      amount: w.amount,
      reason,
    },
  }));
}
