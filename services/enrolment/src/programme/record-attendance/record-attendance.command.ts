import { Command } from '@nestjs/cqrs';
import type { ProgrammeEvent } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class RecordAttendanceCommand extends Command<HandleResult<ProgrammeEvent>> {
  constructor(
    readonly programmeId: string,
    readonly nip: string,
    readonly sessionId: string,
    readonly attended: boolean,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
