import { Command } from '@nestjs/cqrs';
import type { ProgrammeEvent } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class RecordNonCompletionCommand extends Command<HandleResult<ProgrammeEvent>> {
  constructor(
    readonly programmeId: string,
    readonly nip: string,
    readonly reason: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
