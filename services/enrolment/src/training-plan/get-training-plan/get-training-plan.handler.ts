import type { PlanLineChange, TrainingPlanEvent } from '@kompeten/contracts';
import { getTrainingPlan, type ResponseOf } from '@kompeten/api';
import { fold } from '@kompeten/domain';
import { EventStore, type StoredEvent } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { planTotals } from '../plan-lines.rules';
import { trainingPlanStreamId } from '../training-plan.commands';
import { trainingPlanDecider } from '../training-plan.decider';
import { planProblems } from '../training-plan.problems';

type TrainingPlanView = ResponseOf<typeof getTrainingPlan>;

/** A step of the history: who and when from the event's metadata, what from its data. */
function historyEntry(stored: StoredEvent<TrainingPlanEvent>): TrainingPlanView['history'][number] {
  const e = { type: stored.type, data: stored.data } as TrainingPlanEvent;
  const base = { revision: e.data.revision, type: e.type, at: stored.occurredAt, actor: stored.metadata.actor };
  const added = (lines: { lineId: string }[]): PlanLineChange[] =>
    lines.map((l) => ({ lineId: l.lineId, change: 'added', fields: [] }));
  switch (e.type) {
    case 'TrainingPlanDrafted':
      return { ...base, changes: added(e.data.lines), note: null };
    case 'TrainingPlanRevised':
      return { ...base, changes: e.data.changes, note: e.data.note };
    case 'TrainingPlanReturned':
      return { ...base, changes: [], note: e.data.reason };
    default:
      return { ...base, changes: [], note: null };
  }
}

/**
 * The plan from its own stream (the state the next step is decided on, not a read model that may lag)
 * with its whole history: a plan has a handful of events a year.
 */
@Handles(getTrainingPlan)
export class GetTrainingPlanHandler implements UseCaseHandler<typeof getTrainingPlan> {
  constructor(private readonly store: EventStore) {}

  async handle({ params }: UseCaseRequest<typeof getTrainingPlan>): Promise<TrainingPlanView> {
    const year = Number(params.year);
    const stream = await this.store.readStream<TrainingPlanEvent>(trainingPlanStreamId(params.opd, year));
    const s = fold(
      trainingPlanDecider,
      stream.map(({ type, data }) => ({ type, data }) as TrainingPlanEvent),
    );
    if (s.status === 'none') throw planProblems.notFound(params.opd, year);
    return {
      planId: s.planId,
      opd: s.opd,
      year: s.year,
      status: s.status,
      revision: s.revision,
      proposedAsOf: s.proposedAsOf,
      lines: s.lines,
      totals: planTotals(s.lines),
      approvedRevision: s.approvedRevision,
      approvedOn: s.approvedOn,
      approvedLines: s.approvedLines,
      approvedTotals: s.approvedLines && planTotals(s.approvedLines),
      history: stream.map(historyEntry),
    };
  }
}
