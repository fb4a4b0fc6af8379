import type { EventMetadata } from '@kompeten/event-store';

export class RecordNonCompletionCommand {
  constructor(
    readonly programmeId: string,
    readonly nip: string,
    readonly reason: string,
    readonly metadata: EventMetadata,
  ) {}
}
