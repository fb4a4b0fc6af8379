import type { AssessmentKind } from '@kompeten/contracts';
import type { EventMetadata } from '@kompeten/event-store';

export class ScheduleAssessmentCommand {
  constructor(
    readonly nip: string,
    readonly kind: AssessmentKind,
    readonly competencyCode: string | null,
    readonly enrolmentId: string | null,
    readonly dueOn: string,
    readonly metadata: EventMetadata,
  ) {}
}
