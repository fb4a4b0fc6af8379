import type { ResponseOf, listFundingDecisions } from '@kompeten/api';
import type { BudgetState, WaitingRequest } from '../../budget/budget.state';
import { latestDecisionDay } from '../../budget/funding-policy.rules';
import { scoreOf } from '../../budget/funding-priority';
import { addDays } from '@kompeten/domain';

export type FundingDecisionsView = ResponseOf<typeof listFundingDecisions>;

const scored = (r: WaitingRequest, requestedOn: string) => ({
  enrolmentId: r.enrolmentId,
  attempt: r.attempt,
  nip: r.nip,
  programmeId: r.programmeId,
  amount: r.amount,
  requestedOn,
  need: r.need,
  ...scoreOf(r.need),
});

/** What GET /units/:opd/funding-decisions answers, from the budget's state as folded from its log. */
export function fundingDecisionsView(s: BudgetState, today: string): FundingDecisionsView {
  const { mode, windowDays, windowsFrom, setOn } = s.policy;
  const latest = latestDecisionDay(s.policy, today);
  const next =
    mode !== 'by-need' || !windowDays || !windowsFrom
      ? null
      : latest === null
        ? addDays(windowsFrom, windowDays)
        : s.windows[latest]
          ? addDays(latest, windowDays)
          : latest;
  return {
    budgetId: s.budgetId,
    opd: s.opd,
    policy: { mode, windowDays, windowsFrom, setOn: setOn || null, nextDecisionDay: next },
    pending: s.held.map((h) => ({ ...scored(h, h.requestedOn), decideOn: h.decideOn })),
    // Waiting since before by-need: shown as the window would rank it (see WaitingRequest.requestedOn).
    waiting: s.waiting.map((w) => scored(w, w.requestedOn ?? (setOn || today))),
    windows: Object.values(s.windows)
      .sort((a, b) => (a.decisionDay < b.decisionDay ? 1 : -1))
      .map(({ decisionDay, decidedOn, scoreVersion, decisions }) => ({
        decisionDay,
        decidedOn,
        scoreVersion,
        decisions,
      })),
  };
}
