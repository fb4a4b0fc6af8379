import type { EventMetadata } from '@kompeten/event-store';
import type { RejectSurveyResponseRequest } from '@kompeten/api';

export class RejectSurveyResponseCommand {
  constructor(
    readonly submissionId: string,
    readonly reason: RejectSurveyResponseRequest['reason'],
    readonly note: string | null,
    readonly metadata: EventMetadata,
  ) {}
}
