import { accepted, rejectSurveyResponse } from '@kompeten/api';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { surveyResponseDecider, surveyResponseStreamId } from '../survey-response.decider';

@Handles(rejectSurveyResponse)
export class RejectSurveyResponseHandler implements UseCaseHandler<typeof rejectSurveyResponse> {
  constructor(private readonly store: EventStore) {}

  async handle({ params: { submissionId }, body, metadata }: UseCaseRequest<typeof rejectSurveyResponse>) {
    const streamId = surveyResponseStreamId(submissionId);
    const result = await handleCommand(
      this.store,
      surveyResponseDecider,
      streamId,
      { type: 'RejectSurveyResponse', submissionId, reason: body.reason, note: body.note ?? null },
      metadata,
    );
    return accepted(streamId, result);
  }
}
