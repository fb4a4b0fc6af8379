import type { BudgetEvent, CommitmentRejected } from '@kompeten/contracts';
import type { BudgetCommand, CommitmentRequest, ReleaseReason } from './budget.commands';
import { requireRupiah } from './budget.problems';
import { answered, BudgetState, Commitment, free } from './budget.state';
import { allocationsFor, fundsCommitted, heldForQueue, payingAllocation } from './funds-queue.rules';

type Reason = CommitmentRejected['data']['reason'];

/**
 * Commit the cost of one funds request, or say why not. Never throws for lack of money: the
 * enrolment service needs an answer either way. Answers each request (enrolment, attempt) once: a
 * redelivered request changes nothing. A new request stands behind every request already waiting
 * in this budget for the same allocations (funds-queue.rules.ts); rejected for want of money, it
 * waits in line itself (the state's evolve puts it there).
 */
export function decideCommitment(c: CommitmentRequest, s: BudgetState): BudgetEvent[] {
  if (answered(s, c.enrolmentId, c.attempt)) return [];
  return commitOrReject(c, s);
}

/**
 * The first-come answer itself, without the redelivery check: also how held requests are decided
 * when a budget goes back from by-need to first-come (they count as answered while held).
 */
export function commitOrReject(c: CommitmentRequest, s: BudgetState): BudgetEvent[] {
  requireRupiah('amount', c.amount, 0);
  const { enrolmentId, attempt, programmeId, nip, opd, competencyArea, amount } = c;
  const inLine = `; waits for funds in this budget, number ${s.waiting.filter((w) => w.enrolmentId !== enrolmentId).length + 1} in line`;
  const reject = (reason: Reason, detail: string): BudgetEvent[] => [
    {
      type: 'CommitmentRejected',
      data: {
        budgetId: s.status === 'unknown' ? null : s.budgetId,
        enrolmentId,
        attempt,
        programmeId,
        nip,
        opd,
        competencyArea,
        amount,
        reason,
        detail,
      },
    },
  ];
  if (s.status === 'unknown') return reject('no-budget', `${opd} has no training budget for ${c.fiscalYear}`);
  if (s.status === 'closed') return reject('budget-closed', `budget ${s.budgetId} is closed for the year`);
  const candidates = allocationsFor(s, programmeId, competencyArea);
  if (candidates.length === 0) {
    return reject(
      'no-allocation',
      `budget ${s.budgetId} allocates nothing to programme ${programmeId} or competency area ${competencyArea}${inLine}`,
    );
  }
  const held = heldForQueue(s, enrolmentId);
  const fit = payingAllocation(s, c, held);
  if (!fit) {
    const left = candidates.map((a) => `${a.allocationId} has ${free(a)} free`).join(', ');
    const heldBack = candidates.filter((a) => held.has(a.allocationId) && free(a) >= amount);
    const ahead = heldBack.length
      ? `; earlier requests wait for ${heldBack.map((a) => a.allocationId).join(' and ')}`
      : '';
    return reject('allocation-exhausted', `budget ${s.budgetId}: ${left}; ${amount} needed${ahead}${inLine}`);
  }
  return [fundsCommitted(s, c, fit)];
}

/** Gives back every open commitment that matches; releasing what is not open changes nothing. */
export function release(
  s: BudgetState,
  which: (c: Commitment) => boolean,
  reason: ReleaseReason | 'year-closed',
): BudgetEvent[] {
  return Object.values(s.commitments)
    .filter((c) => c.status === 'open' && which(c))
    .map((c) => ({
      type: 'FundsReleased',
      data: {
        budgetId: s.budgetId,
        allocationId: c.allocationId,
        commitmentId: c.commitmentId,
        enrolmentId: c.enrolmentId,
        amount: c.amount,
        reason,
      },
    }));
}

/** The commitment becomes spending at the actual cost; the allocation's committed money moves to spent. */
export function expenditureRecorded(s: BudgetState, k: Commitment, amount: number, jp: number): BudgetEvent {
  return {
    type: 'ExpenditureRecorded',
    data: {
      budgetId: s.budgetId,
      allocationId: k.allocationId,
      commitmentId: k.commitmentId,
      enrolmentId: k.enrolmentId,
      programmeId: k.programmeId,
      nip: k.nip,
      committed: k.amount,
      amount,
      jp,
    },
  };
}

/**
 * On completion, turn a commitment into spending at the actual cost. The cost may exceed the
 * commitment only as far as the allocation's free money reaches; beyond that the overrun is recorded
 * as ExpenditureRejected (once) and the commitment stays, so committed + spent never exceeds the
 * allocation — a finance officer revises the allocation and records the cost by hand.
 */
export function decideExpenditure(
  c: Extract<BudgetCommand, { type: 'RecordCompletionCost' }>,
  s: BudgetState,
): BudgetEvent[] {
  const k = s.commitments[c.enrolmentId];
  if (!k || k.status === 'spent' || k.expenditureRejected) return [];
  requireRupiah('amount', c.amount, 0);
  const refuse = (reason: 'exceeds-allocation' | 'commitment-lapsed', detail: string): BudgetEvent[] => [
    {
      type: 'ExpenditureRejected',
      data: {
        budgetId: s.budgetId,
        allocationId: k.allocationId,
        commitmentId: k.commitmentId,
        enrolmentId: k.enrolmentId,
        programmeId: k.programmeId,
        nip: k.nip,
        committed: k.amount,
        amount: c.amount,
        reason,
        detail,
      },
    },
  ];
  if (k.status === 'released') {
    return k.releaseReason === 'year-closed'
      ? refuse('commitment-lapsed', `commitment ${k.commitmentId} lapsed when budget ${s.budgetId} closed`)
      : [];
  }
  const room = k.amount + free(s.allocations[k.allocationId]);
  if (c.amount > room)
    return refuse(
      'exceeds-allocation',
      `${c.amount} exceeds the commitment (${k.amount}) plus the free money of ${k.allocationId}: at most ${room}`,
    );
  return [expenditureRecorded(s, k, c.amount, c.jp)];
}
