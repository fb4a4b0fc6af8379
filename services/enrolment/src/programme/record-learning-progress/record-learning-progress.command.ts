import type { LearningStatement } from './record-learning-progress.request.dto';
import type { EventMetadata } from '@kompeten/event-store';

export class RecordLearningProgressCommand {
  constructor(readonly programmeId: string, readonly nip: string, readonly statement: LearningStatement, readonly metadata: EventMetadata) {}
}
