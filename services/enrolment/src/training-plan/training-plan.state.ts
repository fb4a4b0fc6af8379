import type { PlanLine, TrainingPlanEvent } from '@kompeten/contracts';

export type TrainingPlanStatus = 'none' | 'draft' | 'submitted' | 'returned' | 'approved';

export interface TrainingPlanState {
  status: TrainingPlanStatus;
  planId: string;
  opd: string;
  year: number;
  revision: number;
  lines: PlanLine[];
  proposedAsOf: string | null;
  /** The revision in force, kept while a later revision is drafted, submitted or returned. */
  approvedRevision: number | null;
  approvedLines: PlanLine[] | null;
  approvedOn: string | null;
}

export const initialTrainingPlanState = (): TrainingPlanState => ({
  status: 'none',
  planId: '',
  opd: '',
  year: 0,
  revision: 0,
  lines: [],
  proposedAsOf: null,
  approvedRevision: null,
  approvedLines: null,
  approvedOn: null,
});

export function evolveTrainingPlan(s: TrainingPlanState, event: TrainingPlanEvent): TrainingPlanState {
  switch (event.type) {
    case 'TrainingPlanDrafted': {
      const { planId, opd, year, revision, lines, proposedAsOf } = event.data;
      return { ...s, status: 'draft', planId, opd, year, revision, lines, proposedAsOf };
    }
    // A new revision is a draft again, whatever it was: the head approves what they have seen.
    case 'TrainingPlanRevised':
      return { ...s, status: 'draft', revision: event.data.revision, lines: event.data.lines };
    case 'TrainingPlanSubmitted':
      return { ...s, status: 'submitted' };
    case 'TrainingPlanReturned':
      return { ...s, status: 'returned' };
    case 'TrainingPlanApproved':
      return {
        ...s,
        status: 'approved',
        approvedRevision: event.data.revision,
        approvedLines: s.lines,
        approvedOn: event.data.approvedOn,
      };
    default: {
      const never: never = event;
      return never;
    }
  }
}
