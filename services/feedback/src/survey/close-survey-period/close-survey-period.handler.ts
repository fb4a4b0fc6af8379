import { DataSource } from 'typeorm';
import { accepted, closeSurveyPeriod } from '@kompeten/api';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { surveyFacts } from '../../correlation/unit-period-facts';
import { surveyTotals } from '../../correlation/training-measures.sql';
import { ikmOf } from '../../ikm/ikm';
import { loadServiceUnit } from '../../service-unit/load-service-unit';
import { problems } from '../../shared/feedback.problems';
import { periodOrFail } from '../../shared/period-or-fail';
import { surveyPeriodDecider, surveyPeriodStreamId } from '../survey-period.decider';

/**
 * Publishes the IKM as the survey read model has it once that read model has caught up with
 * everything appended before the request (a response racing the close may still land after it:
 * the published figure is the one of this moment, and the live scorecard shows both).
 */
@Handles(closeSurveyPeriod)
export class CloseSurveyPeriodHandler implements UseCaseHandler<typeof closeSurveyPeriod> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { unitCode, period: periodId }, metadata }: UseCaseRequest<typeof closeSurveyPeriod>) {
    // The path rule lets 2026-13 through; the calendar does not.
    const period = periodOrFail(periodId, 'period');
    const unit = await loadServiceUnit(this.store, unitCode);
    if (unit.status === 'unknown') throw problems.unitNotFound(unitCode);
    await this.readModelAt((await this.store.head()).position);
    const [totals] = await surveyTotals(this.db, period.start, period.end, [unitCode]);
    const { sampleTarget } = surveyFacts(
      {
        unit_code: unitCode,
        name: unit.name,
        opd: unit.opd,
        kind: unit.kind,
        annual_service_users: unit.annualServiceUsers,
      },
      period,
      totals,
    );
    const streamId = surveyPeriodStreamId(unitCode, period.id);
    const result = await handleCommand(
      this.store,
      surveyPeriodDecider,
      streamId,
      {
        type: 'ClosePeriod',
        unitCode,
        period,
        unit,
        ikm: totals ? ikmOf(totals, totals.responses) : null,
        sampleTarget,
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
    );
    return accepted(streamId, result);
  }

  private async readModelAt(position: number, timeoutMs = 5000): Promise<void> {
    for (const until = Date.now() + timeoutMs; Date.now() < until;) {
      // position is a bigint: pg hands it over as a string.
      const [row] = await this.db.query<{ position: string }[]>(
        `select position from projection_checkpoint where projection = 'survey_responses' and state = 'active'`,
      );
      if (Number(row?.position ?? 0) >= position) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw problems.notCaughtUp();
  }
}
