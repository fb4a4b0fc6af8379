import type { ProgrammeDetails } from '@kompeten/contracts';
import type { EventMetadata } from '@kompeten/event-store';

export class ReviseProgrammeCommand {
  constructor(
    readonly programmeId: string,
    readonly changes: Partial<ProgrammeDetails>,
    readonly metadata: EventMetadata,
    readonly expectedVersion?: number,
  ) {}
}
