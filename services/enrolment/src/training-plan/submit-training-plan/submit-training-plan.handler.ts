import { accepted, submitTrainingPlan } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { runTrainingPlanCommand } from '../run-training-plan-command';

/** The officer sends the named revision to the head of the OPD. */
@Handles(submitTrainingPlan)
export class SubmitTrainingPlanHandler implements UseCaseHandler<typeof submitTrainingPlan> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params, body, metadata, res }: UseCaseRequest<typeof submitTrainingPlan>) {
    const { streamId, result } = await runTrainingPlanCommand(
      this.store,
      {
        type: 'SubmitTrainingPlan',
        opd: params.opd,
        year: Number(params.year),
        revision: body.revision,
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
    );
    res.status(result.events.length ? 201 : 200);
    return accepted(streamId, result);
  }
}
