import { accepted, recordLearningProgress } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { programmeStreamId } from '../programme.decider';
import { runProgrammeCommand } from '../run-programme-command';

@Handles(recordLearningProgress)
export class RecordLearningProgressHandler implements UseCaseHandler<typeof recordLearningProgress> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
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
        today: this.clock.now().toISOString().slice(0, 10),
      },
      metadata,
    );
    return accepted(programmeStreamId(programmeId), result);
  }
}
