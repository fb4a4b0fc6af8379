import { Command } from '@nestjs/cqrs';
import type { ProgrammeEvent } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class EnrolStaffCommand extends Command<HandleResult<ProgrammeEvent>> {
  constructor(
    readonly programmeId: string,
    readonly nip: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
