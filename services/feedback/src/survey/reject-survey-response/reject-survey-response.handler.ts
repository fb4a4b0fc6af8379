import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { surveyResponseDecider, surveyResponseStreamId } from '../survey-response.decider';
import { RejectSurveyResponseCommand } from './reject-survey-response.command';

@CommandHandler(RejectSurveyResponseCommand)
export class RejectSurveyResponseHandler implements ICommandHandler<RejectSurveyResponseCommand> {
  constructor(private readonly store: EventStore) {}

  execute(c: RejectSurveyResponseCommand) {
    return handleCommand(
      this.store,
      surveyResponseDecider,
      surveyResponseStreamId(c.submissionId),
      { type: 'RejectSurveyResponse', submissionId: c.submissionId, reason: c.reason, note: c.note },
      c.metadata,
    );
  }
}
