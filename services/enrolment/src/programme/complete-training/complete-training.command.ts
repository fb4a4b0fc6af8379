import { Command } from '@nestjs/cqrs';
import type { ProgrammeEvent } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class CompleteTrainingCommand extends Command<HandleResult<ProgrammeEvent>> {
  constructor(
    readonly programmeId: string,
    readonly nip: string,
    readonly completedOn: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
