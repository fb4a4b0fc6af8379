import { accepted, approveTrainingPlan } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { runTrainingPlanCommand } from '../run-training-plan-command';

/** The head of the OPD approves the named revision (the gateway lets a head act for their own OPD only). */
@Handles(approveTrainingPlan)
export class ApproveTrainingPlanHandler implements UseCaseHandler<typeof approveTrainingPlan> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params, body, metadata, res }: UseCaseRequest<typeof approveTrainingPlan>) {
    const { streamId, result } = await runTrainingPlanCommand(
      this.store,
      {
        type: 'ApproveTrainingPlan',
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
