import { Command } from '@nestjs/cqrs';
import type { AssessmentKind, AssessmentRecordEvent } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class ScheduleAssessmentCommand extends Command<HandleResult<AssessmentRecordEvent> & { assessmentId: string }> {
  constructor(
    readonly nip: string,
    readonly kind: AssessmentKind,
    readonly competencyCode: string | null,
    readonly enrolmentId: string | null,
    readonly dueOn: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
