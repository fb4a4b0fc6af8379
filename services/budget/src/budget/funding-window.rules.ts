import type { BudgetEvent, CommitmentRejected, FundingDecision } from '@kompeten/contracts';
import type { BudgetCommand } from './budget.commands';
import { problems } from './budget.problems';
import { type BudgetState, evolveBudget, free, type HeldRequest, type WaitingRequest } from './budget.state';
import { rankByNeed, SCORE_VERSION, scoreInWords } from './funding-priority';
import { allocationsFor, fundsCommitted, payingAllocation } from './funds-queue.rules';

/**
 * Deciding a funding window (by-need). The window's requests — those held with a request date on or
 * before the decision day, and those still waiting in the funds queue from earlier windows or from
 * before by-need — are ranked by score (funding-priority.ts) and funded in rank order while the
 * money lasts, with the queue's rule: a request that does not fit holds the allocations it could be
 * paid from, so nobody ranked below it takes money from them. That keeps the order strict (a lower
 * score is never funded from money a higher one is waiting for); what is left stays for the next
 * window, where the higher one comes first again. The alternative — skipping to smaller requests
 * further down — would spend more of the money now but let a low score overtake a high one.
 *
 * FundingWindowDecided records every decision (score, parts, rank, outcome, allocation, why), then
 * FundsCommitted for each funded and CommitmentRejected for each held one not funded (it joins the
 * queue, in rank order); those already waiting keep waiting with no new event. A decision day is
 * decided once: again → nothing; a window where nothing was held and nothing could be funded
 * records nothing either (the worker may look every hour).
 */

type DecideFundingWindow = Extract<BudgetCommand, { type: 'DecideFundingWindow' }>;
type Candidate = (WaitingRequest | HeldRequest) & { requestedOn: string; held: boolean };
type Reason = CommitmentRejected['data']['reason'];

export function decideFundingWindow(c: DecideFundingWindow, s: BudgetState): BudgetEvent[] {
  if (s.policy.mode !== 'by-need') throw problems.firstCome(s.budgetId);
  if (c.decisionDay > c.today) throw problems.invalid('decisionDay', `cannot be after today (${c.today})`);
  if (s.windows[c.decisionDay]) return [];
  // Waiting first: they reached the budget before anything held now (the last tie-break is arrival).
  const candidates: Candidate[] = [
    ...s.waiting.map((w) => ({ ...w, requestedOn: w.requestedOn ?? s.policy.setOn, held: false })),
    ...s.held.filter((h) => h.requestedOn <= c.decisionDay).map((h) => ({ ...h, held: true })),
  ];
  const ranked = rankByNeed(candidates);
  const n = ranked.length;
  let state = s;
  const blocked = new Map<string, number>(); // allocation → the rank that holds it
  const funded: BudgetEvent[] = [];
  const rejected: BudgetEvent[] = [];
  const decisions: FundingDecision[] = [];
  for (const r of ranked) {
    const head = `rank ${r.rank} of ${n}, score ${scoreInWords(r.score, r.parts)}`;
    const decision = {
      enrolmentId: r.enrolmentId,
      attempt: r.attempt,
      nip: r.nip,
      programmeId: r.programmeId,
      amount: r.amount,
      requestedOn: r.requestedOn,
      need: r.need,
      score: r.score,
      parts: r.parts,
      rank: r.rank,
    };
    const a = payingAllocation(state, r, new Set(blocked.keys()));
    if (a) {
      const committed = fundsCommitted(state, r, a);
      decisions.push({
        ...decision,
        outcome: 'funded',
        allocationId: a.allocationId,
        explanation: `${head}: funded from ${a.allocationId}, which had ${free(a)} free before it`,
      });
      funded.push(committed);
      state = evolveBudget(state, committed);
      continue;
    }
    const why = shortfall(state, r, blocked);
    const options = allocationsFor(state, r.programmeId, r.competencyArea);
    for (const x of options) if (!blocked.has(x.allocationId)) blocked.set(x.allocationId, r.rank);
    decisions.push({ ...decision, outcome: 'waitlisted', allocationId: null, explanation: `${head}: ${why}` });
    if (!r.held) continue;
    // Outranked only when rank mattered: at the window's start one of its allocations could have paid it.
    const reason: Reason =
      options.length === 0
        ? 'no-allocation'
        : allocationsFor(s, r.programmeId, r.competencyArea).some((x) => free(x) >= r.amount)
          ? 'outranked'
          : 'allocation-exhausted';
    rejected.push(
      rejection(
        s,
        r,
        reason,
        `funding window of ${c.decisionDay}, ${head}: ${why}; waits for funds in this budget (the next window ranks it again)`,
      ),
    );
  }
  if (funded.length === 0 && !candidates.some((x) => x.held)) return [];
  const window: BudgetEvent = {
    type: 'FundingWindowDecided',
    data: {
      budgetId: s.budgetId,
      decisionDay: c.decisionDay,
      decidedOn: c.today,
      scoreVersion: SCORE_VERSION,
      decisions,
    },
  };
  return [window, ...funded, ...rejected];
}

/** Why a request was not funded, allocation by allocation. */
function shortfall(s: BudgetState, r: Candidate, blocked: Map<string, number>): string {
  const options = allocationsFor(s, r.programmeId, r.competencyArea);
  if (options.length === 0)
    return `budget ${s.budgetId} allocates nothing to programme ${r.programmeId} or competency area ${r.competencyArea}`;
  const each = options.map((a) =>
    blocked.has(a.allocationId)
      ? `${a.allocationId} is kept for rank ${blocked.get(a.allocationId)}, which it could not pay either`
      : `${a.allocationId} has ${free(a)} free`,
  );
  return `${each.join(', ')}; ${r.amount} needed`;
}

function rejection(s: BudgetState, r: Candidate, reason: Reason, detail: string): BudgetEvent {
  const { enrolmentId, attempt, programmeId, nip, opd, competencyArea, amount } = r;
  return {
    type: 'CommitmentRejected',
    data: { budgetId: s.budgetId, enrolmentId, attempt, programmeId, nip, opd, competencyArea, amount, reason, detail },
  };
}
