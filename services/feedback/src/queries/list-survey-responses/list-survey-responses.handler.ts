import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  SKM_ELEMENTS,
  type RespondentProfile,
  type SkmElement,
  type SurveyResponseRejected,
  type SurveyResponseSubmitted,
} from '@kompeten/contracts';
import { EventStore } from '@kompeten/event-store';
import { surveyResponseStreamId } from '../../survey/survey-response.decider';
import { ListSurveyResponsesQuery } from './list-survey-responses.query';

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

/**
 * A unit's responses in a period, newest first. Comments and contact details live only in the log,
 * sealed: they are opened from there, and only when asked for (after an erasure they read as null
 * with `erased` naming them).
 */
@QueryHandler(ListSurveyResponsesQuery)
export class ListSurveyResponsesHandler implements IQueryHandler<ListSurveyResponsesQuery> {
  constructor(
    private readonly db: DataSource,
    private readonly store: EventStore,
  ) {}

  async execute({ unitCode, period, includePersonal, limit, offset }: ListSurveyResponsesQuery) {
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
    const items = rows.map((r) => ({
      submissionId: r.submission_id,
      serviceCode: r.service_code,
      servedOn: r.served_on,
      scores: Object.fromEntries(SKM_ELEMENTS.map((u) => [u, r[u]])),
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
        Object.assign(item, {
          comment: submitted?.data.comment ?? null,
          contact: submitted?.data.contact ?? null,
          erased: submitted?.erased ?? [],
        });
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
