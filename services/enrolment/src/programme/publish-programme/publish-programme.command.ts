import type { ProgrammeDetails } from '@kompeten/contracts';
import type { EventMetadata } from '@kompeten/event-store';

export class PublishProgrammeCommand {
  constructor(
    readonly programmeId: string,
    readonly details: ProgrammeDetails,
    readonly metadata: EventMetadata,
  ) {}
}
