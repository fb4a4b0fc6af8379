import { addDays, daysBetween } from '@kompeten/domain';
import type { BudgetEvent } from '@kompeten/contracts';
import type { BudgetCommand, CommitmentRequest } from './budget.commands';
import { problems, requireRupiah } from './budget.problems';
import { answered, type BudgetState, evolveBudget, type FundingPolicy } from './budget.state';
import { commitOrReject } from './commitment.rules';
import { serveQueue } from './funds-queue.rules';

/**
 * How a budget decides funds requests. First-come is every budget's default and what they all did
 * before funding by need existed. By-need holds each request (FundsRequestQueued) until its decision
 * window: the windows run `windowDays` days each from `windowsFrom`, and a window is decided on its
 * decision day `windowsFrom + k × windowDays` (k ≥ 1). A request made on a decision day still belongs
 * to that day's window if the window has not been decided yet, else to the next one — so nothing
 * depends on the hour a worker happens to run.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: string | null): v is string => v !== null && DATE.test(v) && !Number.isNaN(Date.parse(v));

type SetFundingPolicy = Extract<BudgetCommand, { type: 'SetFundingPolicy' }>;

export function decideFundingPolicy(c: SetFundingPolicy, s: BudgetState): BudgetEvent[] {
  if (c.mode !== 'first-come' && c.mode !== 'by-need') throw problems.invalid('mode', 'must be first-come or by-need');
  const byNeed = c.mode === 'by-need';
  if (byNeed && (c.windowDays === null || !Number.isInteger(c.windowDays) || c.windowDays < 1 || c.windowDays > 92))
    throw problems.invalid('windowDays', 'must be a whole number of days from 1 to 92 (a quarter) for by-need funding');
  if (byNeed && !isDate(c.windowsFrom)) throw problems.invalid('windowsFrom', 'must be a date YYYY-MM-DD');
  const policy: FundingPolicy = {
    mode: c.mode,
    windowDays: byNeed ? c.windowDays : null,
    windowsFrom: byNeed ? c.windowsFrom : null,
    setOn: c.today,
  };
  const p = s.policy;
  if (p.mode === policy.mode && p.windowDays === policy.windowDays && p.windowsFrom === policy.windowsFrom) return [];
  const set: BudgetEvent = { type: 'FundingPolicySet', data: { budgetId: s.budgetId, ...policy } };
  if (byNeed) return [set];
  return [set, ...decideHeldInArrivalOrder(evolveBudget(s, set))];
}

/**
 * Back to first-come: the queue is served first (it waited longest and may have been kept from money
 * freed while by-need held everything back), then each held request is decided as if it had just
 * arrived, in the order it arrived; one that does not fit waits behind the queue like any other.
 */
function decideHeldInArrivalOrder(s: BudgetState): BudgetEvent[] {
  const events = serveQueue(s);
  let state = events.reduce(evolveBudget, s);
  for (const h of s.held) {
    const decided = commitOrReject({ ...h, fiscalYear: s.fiscalYear }, state);
    events.push(...decided);
    state = decided.reduce(evolveBudget, state);
  }
  return events;
}

/** By-need: hold a request of an open budget for its window (answered once: a held request is answered). */
export function holdRequest(c: CommitmentRequest, s: BudgetState): BudgetEvent[] {
  if (answered(s, c.enrolmentId, c.attempt)) return [];
  requireRupiah('amount', c.amount, 0);
  const { enrolmentId, attempt, programmeId, nip, opd, competencyArea, amount, need, requestedOn } = c;
  return [
    {
      type: 'FundsRequestQueued',
      data: {
        budgetId: s.budgetId,
        enrolmentId,
        attempt,
        programmeId,
        nip,
        opd,
        competencyArea,
        amount,
        need,
        requestedOn,
        decideOn: decisionDayFor(s, requestedOn),
      },
    },
  ];
}

/** The first decision day on or after the request's date whose window is not decided yet. */
function decisionDayFor(s: BudgetState, requestedOn: string): string {
  const { windowsFrom, windowDays } = s.policy as { windowsFrom: string; windowDays: number };
  let k = Math.max(1, Math.ceil(daysBetween(windowsFrom, requestedOn) / windowDays));
  while (s.windows[addDays(windowsFrom, k * windowDays)]) k++;
  return addDays(windowsFrom, k * windowDays);
}

/** The latest decision day on or before `today` (what the worker decides), or null before the first. */
export function latestDecisionDay(policy: Pick<FundingPolicy, 'windowDays' | 'windowsFrom'>, today: string) {
  if (!policy.windowDays || !policy.windowsFrom) return null;
  const k = Math.floor(daysBetween(policy.windowsFrom, today) / policy.windowDays);
  return k >= 1 ? addDays(policy.windowsFrom, k * policy.windowDays) : null;
}
