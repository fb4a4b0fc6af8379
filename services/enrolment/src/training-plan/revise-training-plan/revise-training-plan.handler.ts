import { DataSource } from 'typeorm';
import { accepted, reviseTrainingPlan } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { planLineInputs, runTrainingPlanCommand } from '../run-training-plan-command';

/** The officer replaces the lines: a new revision, back to draft until the head approves it. */
@Handles(reviseTrainingPlan)
export class ReviseTrainingPlanHandler implements UseCaseHandler<typeof reviseTrainingPlan> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

  async handle({ params, body, metadata, res }: UseCaseRequest<typeof reviseTrainingPlan>) {
    const lines = await planLineInputs(this.db, body.lines);
    const { streamId, result } = await runTrainingPlanCommand(
      this.store,
      {
        type: 'ReviseTrainingPlan',
        opd: params.opd,
        year: Number(params.year),
        revision: body.revision,
        lines,
        note: body.note ?? null,
      },
      metadata,
    );
    res.status(result.events.length ? 201 : 200);
    return accepted(streamId, result);
  }
}
