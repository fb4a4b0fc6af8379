import { DataSource } from 'typeorm';
import { accepted, draftTrainingPlan } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { planLineInputs, runTrainingPlanCommand } from '../run-training-plan-command';

/** The officer drafts the OPD's plan for a year (revision 1), usually from the needs analysis' proposal. */
@Handles(draftTrainingPlan)
export class DraftTrainingPlanHandler implements UseCaseHandler<typeof draftTrainingPlan> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

  async handle({ params: { opd }, body, metadata }: UseCaseRequest<typeof draftTrainingPlan>) {
    const lines = await planLineInputs(this.db, body.lines);
    const { streamId, result } = await runTrainingPlanCommand(
      this.store,
      { type: 'DraftTrainingPlan', opd, year: body.year, lines, proposedAsOf: body.proposedAsOf ?? null },
      metadata,
    );
    return accepted(streamId, result);
  }
}
