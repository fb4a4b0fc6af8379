import type { EventMetadata } from '@kompeten/event-store';

export class CompleteTrainingCommand {
  constructor(
    readonly programmeId: string,
    readonly nip: string,
    readonly completedOn: string,
    readonly metadata: EventMetadata,
  ) {}
}
