import type { BudgetEvent } from '@kompeten/contracts';
import type { CommitmentRequest } from './budget.commands';
import { budgetDecider } from './budget.decider';
import { answered, BudgetState } from './budget.state';
import { allocationsFor } from './funds-queue.rules';

export interface BudgetCandidate {
  streamId: string;
  state: BudgetState;
  version: number;
}

export interface BudgetChoice {
  candidate: BudgetCandidate;
  /** Empty when this request (enrolment, attempt) was answered before (a redelivery). */
  events: BudgetEvent[];
}

/**
 * Lower is better: a programme's own money, then its area's; then a by-need budget holding the
 * request for its window when it has an allocation that may pay (a chance at money, by score); then
 * the most telling refusal. A by-need budget with no allocation for it is no better than no-allocation.
 */
function rank(events: BudgetEvent[], s: BudgetState): number {
  const [e] = events;
  if (e.type === 'FundsCommitted') return s.allocations[e.data.allocationId].target.kind === 'programme' ? 0 : 1;
  if (e.type === 'FundsRequestQueued')
    return allocationsFor(s, e.data.programmeId, e.data.competencyArea).length ? 2 : 4;
  if (e.type === 'CommitmentRejected')
    return { 'allocation-exhausted': 3, outranked: 3, 'no-allocation': 4, 'budget-closed': 5, 'no-budget': 6 }[
      e.data.reason
    ];
  return 7;
}

/**
 * A unit may hold one budget per funding source for the year; StaffEnrolled names only the unit and
 * the year. Asks each budget (in funding-source order) and keeps the best answer. With no budget at
 * all the unit's rejection stream answers. A request rejected for want of money waits in the
 * budget that gave the most telling answer; money arriving in another budget does not reach it
 * (the officer re-requests, and it is decided again across all of them). Pure: the caller appends to the chosen stream at the
 * version it read, so a concurrent change to that stream makes it read and choose again.
 */
export function chooseBudget(
  budgets: BudgetCandidate[],
  rejections: BudgetCandidate,
  request: CommitmentRequest,
  elsewhere: BudgetCandidate[] = [],
): BudgetChoice {
  // `elsewhere`: streams that answered this enrolment before under another fiscal year (the
  // programme's year was revised between its requests); they answer a redelivery too.
  const before = [...budgets, rejections, ...elsewhere].find((c) =>
    answered(c.state, request.enrolmentId, request.attempt),
  );
  if (before) return { candidate: before, events: [] };
  const open = budgets.filter((c) => c.state.status !== 'unknown');
  if (open.length === 0)
    return {
      candidate: rejections,
      events: budgetDecider.decide({ type: 'CommitFunds', ...request }, rejections.state),
    };
  const answers = open.map((candidate) => ({
    candidate,
    events: budgetDecider.decide({ type: 'CommitFunds', ...request }, candidate.state),
  }));
  return answers.reduce((best, a) =>
    rank(a.events, a.candidate.state) < rank(best.events, best.candidate.state) ? a : best,
  );
}
