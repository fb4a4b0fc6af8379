import { accepted, cancelProgramme } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { runProgrammeCommand } from '../run-programme-command';

@Handles(cancelProgramme)
export class CancelProgrammeHandler implements UseCaseHandler<typeof cancelProgramme> {
  constructor(private readonly store: EventStore) {}

  async handle({ params: { programmeId }, body, metadata }: UseCaseRequest<typeof cancelProgramme>) {
    const result = await runProgrammeCommand(
      this.store,
      programmeId,
      { type: 'CancelProgramme', reason: body.reason },
      metadata,
    );
    return accepted(result.streamId, result);
  }
}
