import type { EventMetadata } from '@kompeten/event-store';
import type { SubmitSurveyResponseRequest } from '@kompeten/api';

export class SubmitSurveyResponseCommand {
  constructor(
    readonly response: SubmitSurveyResponseRequest,
    readonly metadata: EventMetadata,
  ) {}
}
