import type { AssessmentMethod } from '@kompeten/contracts';
import type { EventMetadata } from '@kompeten/event-store';

export class RecordAssessmentResultCommand {
  constructor(
    readonly nip: string,
    readonly assessmentId: string,
    readonly assessor: string,
    readonly method: AssessmentMethod,
    readonly score: number,
    readonly assessedOn: string | undefined,
    readonly metadata: EventMetadata,
  ) {}
}
