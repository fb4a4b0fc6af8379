import { Command } from '@nestjs/cqrs';
import type { ProgrammeDetails, ProgrammeEvent } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class PublishProgrammeCommand extends Command<HandleResult<ProgrammeEvent>> {
  constructor(
    readonly programmeId: string,
    readonly details: ProgrammeDetails,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
