import { Command } from '@nestjs/cqrs';
import type { AssessmentMethod, AssessmentRecordEvent } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class RecordAssessmentResultCommand extends Command<HandleResult<AssessmentRecordEvent>> {
  constructor(
    readonly nip: string,
    readonly assessmentId: string,
    readonly assessor: string,
    readonly method: AssessmentMethod,
    readonly score: number,
    readonly assessedOn: string | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
