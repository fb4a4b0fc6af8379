import { accepted, returnTrainingPlan } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { runTrainingPlanCommand } from '../run-training-plan-command';

/** The head of the OPD sends the submitted revision back to the officer, with a reason. */
@Handles(returnTrainingPlan)
export class ReturnTrainingPlanHandler implements UseCaseHandler<typeof returnTrainingPlan> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params, body, metadata, res }: UseCaseRequest<typeof returnTrainingPlan>) {
    const { streamId, result } = await runTrainingPlanCommand(
      this.store,
      {
        type: 'ReturnTrainingPlan',
        opd: params.opd,
        year: Number(params.year),
        revision: body.revision,
        reason: body.reason,
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
    );
    res.status(result.events.length ? 201 : 200);
    return accepted(streamId, result);
  }
}
