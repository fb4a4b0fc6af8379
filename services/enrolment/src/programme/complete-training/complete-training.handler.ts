import { accepted, completeTraining } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { programmeStreamId } from '../programme.decider';
import { runProgrammeCommand } from '../run-programme-command';

@Handles(completeTraining)
export class CompleteTrainingHandler implements UseCaseHandler<typeof completeTraining> {
  constructor(private readonly store: EventStore) {}

  async handle({ params: { programmeId, nip }, body, metadata }: UseCaseRequest<typeof completeTraining>) {
    const result = await runProgrammeCommand(
      this.store,
      programmeId,
      { type: 'CompleteTraining', nip, completedOn: body.completedOn },
      metadata,
    );
    return accepted(programmeStreamId(programmeId), result);
  }
}
