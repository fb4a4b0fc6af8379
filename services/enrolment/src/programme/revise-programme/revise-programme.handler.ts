import type { ProgrammeDetails } from '@kompeten/contracts';
import { accepted, reviseProgramme } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { programmeStreamId } from '../programme.decider';
import { runProgrammeCommand } from '../run-programme-command';

@Handles(reviseProgramme)
export class ReviseProgrammeHandler implements UseCaseHandler<typeof reviseProgramme> {
  constructor(private readonly store: EventStore) {}

  async handle({ params: { programmeId }, body, metadata, expectedVersion }: UseCaseRequest<typeof reviseProgramme>) {
    const result = await runProgrammeCommand(
      this.store,
      programmeId,
      // Only the fields sent: the validated body is the change (a completion rule's minScore may be left out).
      { type: 'ReviseProgramme', changes: body as Partial<ProgrammeDetails> },
      metadata,
      expectedVersion,
    );
    return accepted(programmeStreamId(programmeId), result);
  }
}
