import { DataSource } from 'typeorm';
import type {
  RespondentProfile,
  SkmElement,
  SurveyResponseRejected,
  SurveyResponseSubmitted,
} from '@kompeten/contracts';
import { listSurveyResponses, type ResponseOf } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { periodOrCurrentQuarter } from '../../shared/period-or-fail';
import { surveyResponseStreamId } from '../../survey/survey-response.decider';

/** A row of the survey_responses read model as the list selects it (u1 … u9 are smallint). */
interface SurveyResponseRow extends Record<SkmElement, number> {
  submission_id: string;
  service_code: string;
  served_on: string;
  served_by: string | null;
  has_comment: boolean;
  respondent: RespondentProfile | null;
  channel: SurveyResponseSubmitted['data']['channel'];
  status: 'valid' | 'rejected';
  rejection_reason: SurveyResponseRejected['data']['reason'] | null;
}

/** What GET /service-units/:unitCode/responses answers. */
export type SurveyResponseList = ResponseOf<typeof listSurveyResponses>;
type SurveyResponseItem = SurveyResponseList['items'][number];

/**
 * A unit's responses in a period, newest first. Comments and contact details live only in the log,
 * sealed: they are opened from there, and only when asked for (after an erasure they read as null
 * with `erased` naming them).
 */
@Handles(listSurveyResponses)
export class ListSurveyResponsesHandler implements UseCaseHandler<typeof listSurveyResponses> {
  constructor(
    private readonly db: DataSource,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({
    params: { unitCode },
    query,
  }: UseCaseRequest<typeof listSurveyResponses>): Promise<SurveyResponseList> {
    const period = periodOrCurrentQuarter(query.period, this.calendar.dateOf(this.clock.now()));
    const includePersonal = query.includePersonal ?? false;
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const where = 'unit_code = $1 and served_on between $2 and $3';
    const [{ total }] = await this.db.query<{ total: number }[]>(
      `select count(*)::int as total from survey_responses where ${where}`,
      [unitCode, period.start, period.end],
    );
    const rows = await this.db.query<SurveyResponseRow[]>(
      `select submission_id, service_code, served_on::text as served_on, u1, u2, u3, u4, u5, u6, u7, u8, u9, served_by, has_comment,
              respondent, channel, status, rejection_reason
         from survey_responses where ${where} order by served_on desc, recorded_at desc limit $4 offset $5`,
      [unitCode, period.start, period.end, limit, offset],
    );
    const items = rows.map((r): SurveyResponseItem => ({
      submissionId: r.submission_id,
      serviceCode: r.service_code,
      servedOn: r.served_on,
      scores: { u1: r.u1, u2: r.u2, u3: r.u3, u4: r.u4, u5: r.u5, u6: r.u6, u7: r.u7, u8: r.u8, u9: r.u9 },
      servedBy: r.served_by,
      hasComment: r.has_comment,
      respondent: r.respondent,
      channel: r.channel,
      status: r.status,
      rejectionReason: r.rejection_reason,
    }));
    if (includePersonal) {
      for (const item of items) {
        const [submitted] = await this.store.readStream<SurveyResponseSubmitted>(
          surveyResponseStreamId(item.submissionId),
        );
        item.comment = submitted?.data.comment ?? null;
        item.contact = submitted?.data.contact ?? null;
        item.erased = submitted?.erased ?? [];
      }
    }
    return {
      unitCode,
      period: { id: period.id, start: period.start, end: period.end },
      total,
      limit,
      offset,
      personalIncluded: includePersonal,
      items,
    };
  }
}
