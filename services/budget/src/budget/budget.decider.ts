import type { BudgetEvent } from '@kompeten/contracts';
import type { Decider } from '@kompeten/domain';
import type { BudgetCommand } from './budget.commands';
import { decideCommitment, decideExpenditure, expenditureRecorded, release } from './commitment.rules';
import { problems, requireRupiah } from './budget.problems';
import {
  allocationIdFor,
  BudgetState,
  evolveBudget,
  free,
  initialBudgetState,
  totalAllocated,
  totalSpent,
} from './budget.state';
import { serveQueue, withdrawWaiting } from './funds-queue.rules';
import { decideFundingPolicy, holdRequest } from './funding-policy.rules';
import { decideFundingWindow } from './funding-window.rules';

/**
 * A fiscal-year budget of one OPD and funding source. Invariant, kept by every decision:
 * for each allocation committed + spent ≤ amount, and the allocations together ≤ the ceiling.
 * The stream is the consistency boundary: two racing decisions conflict on its version.
 * Under first-come funding every decision ends by serving the funds queue: whatever it freed (an
 * allocation, a revision upwards, a release, a completion cheaper than its commitment, a request
 * leaving the line) goes to the requests waiting for it, in the same append. Under by-need funding
 * (funding-policy.rules.ts) freed money waits for the next funding window instead, where it goes
 * by score (funding-window.rules.ts).
 */
export const budgetDecider: Decider<BudgetCommand, BudgetState, BudgetEvent> = {
  initialState: initialBudgetState,
  evolve: evolveBudget,

  decide(command, s) {
    const decided = decideCommand(command, s);
    const after = decided.reduce(evolveBudget, s);
    return after.policy.mode === 'by-need' ? decided : [...decided, ...serveQueue(after)];
  },
};

function decideCommand(command: BudgetCommand, s: BudgetState): BudgetEvent[] {
  if (command.type === 'OpenBudget') {
    if (s.status !== 'unknown') throw problems.exists(command.budgetId);
    // The APBD for a year is adopted before the year starts, so its training budget can be opened
    // then (for December enrolments in January courses); further ahead is a typing error. Past years
    // stay open for recording history.
    if (command.fiscalYear > command.thisYear + 1)
      throw problems.invalid(
        'fiscalYear',
        `can be at most ${command.thisYear + 1}: a budget is opened at most one fiscal year ahead`,
      );
    requireRupiah('ceiling', command.ceiling, 1);
    const { budgetId, fiscalYear, opd, fundingSource, ceiling } = command;
    return [{ type: 'BudgetOpened', data: { budgetId, fiscalYear, opd, fundingSource, ceiling } }];
  }
  // Answers to the enrolment service are never refused: they become events (see commitment.rules).
  if (command.type === 'CommitFunds')
    return s.status === 'open' && s.policy.mode === 'by-need' ? holdRequest(command, s) : decideCommitment(command, s);
  if (command.type === 'RecordCompletionCost') return decideExpenditure(command, s);
  // An enrolment that ends leaves the queue before its money is released, so the money cannot go back to it.
  if (command.type === 'ReleaseFunds') {
    const { enrolmentId, reason } = command;
    return [
      ...withdrawWaiting(s, (w) => w.enrolmentId === enrolmentId, reason),
      ...release(s, (c) => c.enrolmentId === enrolmentId, reason),
    ];
  }
  if (command.type === 'ReleaseProgrammeFunds') {
    const { programmeId, reason } = command;
    return [
      ...withdrawWaiting(s, (w) => w.programmeId === programmeId, reason),
      ...release(s, (c) => c.programmeId === programmeId, reason),
    ];
  }
  if (command.type === 'WithdrawFundsRequest') {
    const { enrolmentId, attempt } = command;
    return withdrawWaiting(s, (w) => w.enrolmentId === enrolmentId && w.attempt < attempt, 're-requested');
  }
  if (s.status === 'unknown') throw problems.notFound();
  if (command.type === 'CloseBudget') {
    if (s.status === 'closed') return [];
    // Commitments still open at year end lapse and waiting requests can no longer be met: the log says so.
    const lapsed = release(s, () => true, 'year-closed');
    const unmet = withdrawWaiting(s, () => true, 'budget-closed');
    const closed: BudgetEvent = {
      type: 'BudgetClosed',
      data: { budgetId: s.budgetId, unspent: s.ceiling - totalSpent(s) },
    };
    return [...unmet, ...lapsed, closed];
  }
  if (s.status === 'closed') throw problems.closed(s.budgetId);
  switch (command.type) {
    case 'AllocateFunds': {
      requireRupiah('amount', command.amount, 1);
      const allocationId = allocationIdFor(command.target);
      if (s.allocations[allocationId]) throw problems.allocationExists(allocationId);
      const room = s.ceiling - totalAllocated(s);
      if (command.amount > room)
        throw problems.invalid('amount', `exceeds the ceiling: ${room} of ${s.ceiling} is still unallocated`);
      return [
        {
          type: 'FundsAllocated',
          data: { budgetId: s.budgetId, allocationId, target: command.target, amount: command.amount },
        },
      ];
    }
    case 'ReviseAllocation': {
      requireRupiah('amount', command.amount, 0);
      const a = s.allocations[command.allocationId];
      if (!a) throw problems.allocationNotFound(command.allocationId);
      if (command.amount === a.amount) return [];
      const used = a.committed + a.spent;
      if (command.amount < used)
        throw problems.invalid(
          'amount',
          `cannot be below the ${used} already committed (${a.committed}) and spent (${a.spent})`,
        );
      const room = s.ceiling - totalAllocated(s) + a.amount;
      if (command.amount > room)
        throw problems.invalid('amount', `exceeds the ceiling: at most ${room} can go to this allocation`);
      return [
        {
          type: 'AllocationRevised',
          data: {
            budgetId: s.budgetId,
            allocationId: a.allocationId,
            amount: command.amount,
            previousAmount: a.amount,
          },
        },
      ];
    }
    case 'SetFundingPolicy':
      return decideFundingPolicy(command, s);
    case 'DecideFundingWindow':
      return decideFundingWindow(command, s);
    case 'RecordExpenditure': {
      const c = Object.values(s.commitments).find((x) => x.commitmentId === command.commitmentId);
      if (!c) throw problems.commitmentNotFound(command.commitmentId);
      if (c.status !== 'open') throw problems.commitmentState(c);
      requireRupiah('amount', command.amount, 0);
      if (!Number.isInteger(command.jp) || command.jp < 0)
        throw problems.invalid('jp', 'must be a whole number of lesson hours, zero or more');
      const room = c.amount + free(s.allocations[c.allocationId]);
      if (command.amount > room)
        throw problems.invalid(
          'amount',
          `exceeds the commitment (${c.amount}) plus the allocation's free money: at most ${room}; revise the allocation first`,
        );
      return [expenditureRecorded(s, c, command.amount, command.jp)];
    }
    default: {
      const never: never = command;
      throw new Error(`unhandled command ${JSON.stringify(never)}`);
    }
  }
}

/** `<fiscalYear>-<opd>-<fundingSource>`, e.g. `2026-DINKES-APBD`. */
export const budgetIdOf = (fiscalYear: number, opd: string, fundingSource: string) =>
  `${fiscalYear}-${opd}-${fundingSource}`;
export const budgetStreamId = (budgetId: string) => `budget-${budgetId}`;
/** Where a unit's rejections go when it has no budget at all for the year (still an event, still answered once). */
export const rejectionStreamId = (fiscalYear: number, opd: string) => `budget-rejections-${fiscalYear}-${opd}`;
