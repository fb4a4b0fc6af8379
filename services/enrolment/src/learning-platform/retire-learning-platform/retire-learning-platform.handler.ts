import { accepted, retireLearningPlatform } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { runLearningPlatformCommand } from '../run-learning-platform-command';

/** An admin retires a platform: from the next request on, its statements are refused (401). */
@Handles(retireLearningPlatform)
export class RetireLearningPlatformHandler implements UseCaseHandler<typeof retireLearningPlatform> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { clientId }, metadata, res }: UseCaseRequest<typeof retireLearningPlatform>) {
    const { streamId, result } = await runLearningPlatformCommand(
      this.store,
      { type: 'RetireLearningPlatform', clientId, today: this.calendar.dateOf(this.clock.now()) },
      metadata,
    );
    res.status(result.events.length ? 201 : 200);
    return accepted(streamId, result);
  }
}
