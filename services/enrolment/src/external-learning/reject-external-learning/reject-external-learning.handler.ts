import { accepted, rejectExternalLearning } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { decisionOf } from '../external-learning-decision';
import { runExternalLearningCommand } from '../run-external-learning-command';

/** A training officer rejects a record with a coded reason (and, optionally, a sealed note): no JP. */
@Handles(rejectExternalLearning)
export class RejectExternalLearningHandler implements UseCaseHandler<typeof rejectExternalLearning> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { learningId }, body, metadata, res }: UseCaseRequest<typeof rejectExternalLearning>) {
    const { streamId, result } = await runExternalLearningCommand(
      this.store,
      {
        type: 'RejectExternalLearning',
        learningId,
        reason: body.reason,
        note: body.note ?? null,
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
    );
    res.status(result.events.length ? 201 : 200);
    return { ...accepted(streamId, result), ...(await decisionOf(this.store, learningId)) };
  }
}
