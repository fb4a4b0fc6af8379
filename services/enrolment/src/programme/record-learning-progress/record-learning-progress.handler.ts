import { accepted, recordLearningProgress } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { runProgrammeCommand } from '../run-programme-command';

@Handles(recordLearningProgress)
export class RecordLearningProgressHandler implements UseCaseHandler<typeof recordLearningProgress> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { programmeId, nip }, body, metadata }: UseCaseRequest<typeof recordLearningProgress>) {
    const result = await runProgrammeCommand(
      this.store,
      programmeId,
      {
        type: 'RecordLearningProgress',
        nip,
        ...body,
        score: body.score ?? null,
        seconds: body.seconds ?? null,
        // The device's instant in the city's calendar: the date a completing statement completes the training on.
        deviceDate: this.calendar.dateOf(new Date(body.deviceTimestamp)),
        receivedAt: this.clock.now().toISOString(),
      },
      metadata,
    );
    return accepted(result.streamId, result);
  }
}
