import { accepted, submitSurveyResponse } from '@kompeten/api';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { GRANULARITIES, periodOf } from '../../ikm/survey-period';
import { loadServiceUnit } from '../../service-unit/load-service-unit';
import { surveyPeriodStreamId } from '../survey-period.decider';
import { respondentSubject, surveyResponseDecider, surveyResponseStreamId } from '../survey-response.decider';

/**
 * One small stream per response: the append never waits for another kiosk's, and a resent
 * submission loads its own stream, finds it answered and appends nothing (answered 200, not 201).
 */
@Handles(submitSurveyResponse)
export class SubmitSurveyResponseHandler implements UseCaseHandler<typeof submitSurveyResponse> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ body: r, metadata, res }: UseCaseRequest<typeof submitSurveyResponse>) {
    const unit = await loadServiceUnit(this.store, r.unitCode);
    const closedPeriods: string[] = [];
    for (const g of GRANULARITIES) {
      const p = periodOf(r.servedOn, g);
      if ((await this.store.streamVersion(surveyPeriodStreamId(r.unitCode, p.id))) > 0) closedPeriods.push(p.id);
    }
    const streamId = surveyResponseStreamId(r.submissionId);
    const result = await handleCommand(
      this.store,
      surveyResponseDecider,
      streamId,
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
        today: this.calendar.dateOf(this.clock.now()),
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
    res.status(result.events.length ? 201 : 200);
    return accepted(streamId, result);
  }
}
