import { accepted, recordNonCompletion } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { runProgrammeCommand } from '../run-programme-command';

@Handles(recordNonCompletion)
export class RecordNonCompletionHandler implements UseCaseHandler<typeof recordNonCompletion> {
  constructor(private readonly store: EventStore) {}

  async handle({ params: { programmeId, nip }, body, metadata }: UseCaseRequest<typeof recordNonCompletion>) {
    const result = await runProgrammeCommand(
      this.store,
      programmeId,
      { type: 'RecordNonCompletion', nip, reason: body.reason, note: body.note ?? null },
      metadata,
    );
    return accepted(result.streamId, result);
  }
}
