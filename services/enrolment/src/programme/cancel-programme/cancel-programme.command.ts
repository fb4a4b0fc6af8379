import type { EventMetadata } from '@kompeten/event-store';

export class CancelProgrammeCommand {
  constructor(
    readonly programmeId: string,
    readonly reason: string,
    readonly metadata: EventMetadata,
  ) {}
}
