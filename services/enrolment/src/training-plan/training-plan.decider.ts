import type { TrainingPlanEvent } from '@kompeten/contracts';
import type { Decider } from '@kompeten/domain';
import { lineChanges, planLines, planTotals } from './plan-lines.rules';
import { trainingPlanId, type TrainingPlanCommand } from './training-plan.commands';
import { planProblems } from './training-plan.problems';
import { evolveTrainingPlan, initialTrainingPlanState, type TrainingPlanState } from './training-plan.state';

const refOf = (s: TrainingPlanState, revision = s.revision) => ({
  planId: s.planId,
  opd: s.opd,
  year: s.year,
  revision,
});

/** The step names the revision it was made on; any other is stale (the plan changed since it was read). */
function assertCurrent(s: TrainingPlanState, revision: number) {
  if (revision !== s.revision) throw planProblems.stale(s, revision);
}

/**
 * An OPD's training plan for a fiscal year: draft → revise → submit → return or approve. Every
 * revision returns the plan to draft, so the head only ever approves a revision they were sent; the
 * last approved lines stay in force (approvedLines) until a newer revision is approved. Repeating a
 * step already done (submitting the submitted revision, approving the approved one) appends nothing.
 */
export const trainingPlanDecider: Decider<TrainingPlanCommand, TrainingPlanState, TrainingPlanEvent> = {
  initialState: initialTrainingPlanState,
  evolve: evolveTrainingPlan,

  decide(c, s) {
    if (c.type === 'DraftTrainingPlan') {
      if (s.status !== 'none') throw planProblems.exists(s);
      const ref = { planId: trainingPlanId(c.opd, c.year), opd: c.opd, year: c.year, revision: 1 };
      return [
        { type: 'TrainingPlanDrafted', data: { ...ref, lines: planLines(c.lines), proposedAsOf: c.proposedAsOf } },
      ];
    }
    if (s.status === 'none') throw planProblems.notFound(c.opd, c.year);
    switch (c.type) {
      case 'ReviseTrainingPlan': {
        assertCurrent(s, c.revision);
        const lines = planLines(c.lines);
        const changes = lineChanges(s.lines, lines);
        if (!changes.length) return [];
        return [{ type: 'TrainingPlanRevised', data: { ...refOf(s, s.revision + 1), lines, changes, note: c.note } }];
      }
      case 'SubmitTrainingPlan': {
        assertCurrent(s, c.revision);
        if (s.status === 'submitted') return [];
        if (s.status === 'approved') throw planProblems.wrongState(s, 'submit');
        return [
          { type: 'TrainingPlanSubmitted', data: { ...refOf(s), submittedOn: c.today, totals: planTotals(s.lines) } },
        ];
      }
      case 'ReturnTrainingPlan': {
        assertCurrent(s, c.revision);
        if (s.status === 'returned') return [];
        if (s.status !== 'submitted') throw planProblems.wrongState(s, 'return');
        return [{ type: 'TrainingPlanReturned', data: { ...refOf(s), returnedOn: c.today, reason: c.reason } }];
      }
      case 'ApproveTrainingPlan': {
        if (s.status === 'approved' && s.approvedRevision === c.revision) return [];
        assertCurrent(s, c.revision);
        if (s.status !== 'submitted') throw planProblems.wrongState(s, 'approve');
        return [
          { type: 'TrainingPlanApproved', data: { ...refOf(s), approvedOn: c.today, totals: planTotals(s.lines) } },
        ];
      }
      default: {
        const never: never = c;
        throw new Error(`unhandled command ${JSON.stringify(never)}`);
      }
    }
  },
};
