import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { Clock } from '@kompeten/platform';
import { GRANULARITIES, periodOf } from '../../ikm/survey-period';
import { loadServiceUnit } from '../../service-unit/load-service-unit';
import { cityDate } from '../../shared/city-date';
import { surveyPeriodStreamId } from '../survey-period.decider';
import { respondentSubject, surveyResponseDecider, surveyResponseStreamId } from '../survey-response.decider';
import { SubmitSurveyResponseCommand } from './submit-survey-response.command';

/**
 * One small stream per response: the append never waits for another kiosk's, and a resent
 * submission loads its own stream, finds it answered and appends nothing.
 */
@CommandHandler(SubmitSurveyResponseCommand)
export class SubmitSurveyResponseHandler implements ICommandHandler<SubmitSurveyResponseCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ response: r, metadata }: SubmitSurveyResponseCommand) {
    const unit = await loadServiceUnit(this.store, r.unitCode);
    const closedPeriods: string[] = [];
    for (const g of GRANULARITIES) {
      const p = periodOf(r.servedOn, g);
      if ((await this.store.streamVersion(surveyPeriodStreamId(r.unitCode, p.id))) > 0) closedPeriods.push(p.id);
    }
    return handleCommand(
      this.store,
      surveyResponseDecider,
      surveyResponseStreamId(r.submissionId),
      {
        type: 'SubmitSurveyResponse',
        submissionId: r.submissionId,
        unitCode: r.unitCode,
        unit,
        closedPeriods,
        serviceCode: r.serviceCode,
        servedOn: r.servedOn,
        scores: { ...r.scores },
        servedBy: r.servedBy ?? null,
        comment: r.comment ?? null,
        contact: r.contact ?? null,
        respondent: r.respondent ? { ...r.respondent } : null,
        channel: r.channel ?? 'web',
        today: cityDate(this.clock.now()),
      },
      metadata,
      {
        // A key per respondent only when there is something personal to seal: most kiosk answers have no comment.
        personal: () =>
          r.comment || r.contact
            ? { subject: respondentSubject(r.submissionId), fields: ['comment', 'contact'] }
            : undefined,
      },
    );
  }
}
