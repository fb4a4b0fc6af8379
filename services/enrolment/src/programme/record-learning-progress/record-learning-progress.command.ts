import type { LearningStatement } from '@kompeten/api';
import type { EventMetadata } from '@kompeten/event-store';

export class RecordLearningProgressCommand {
  constructor(
    readonly programmeId: string,
    readonly nip: string,
    readonly statement: LearningStatement,
    readonly metadata: EventMetadata,
  ) {}
}
