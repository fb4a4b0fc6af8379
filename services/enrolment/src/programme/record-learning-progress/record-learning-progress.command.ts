import { Command } from '@nestjs/cqrs';
import type { ProgrammeEvent } from '@kompeten/contracts';
import type { LearningStatement } from '@kompeten/api';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class RecordLearningProgressCommand extends Command<HandleResult<ProgrammeEvent>> {
  constructor(
    readonly programmeId: string,
    readonly nip: string,
    readonly statement: LearningStatement,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
