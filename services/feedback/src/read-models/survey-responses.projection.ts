import type { QueryRunner } from 'typeorm';
import type { SurveyResponseEvent, SurveyResponseSubmitted } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';
import { projection } from '@kompeten/messaging';

/**
 * One row per survey response: unit, service, date, the nine scores, the staff member named.
 * Comments and contact details are personal data and stay sealed in the log: only whether there
 * was one is kept here, so erasing a respondent needs no clean-up.
 */
export const surveyResponsesProjection = projection<SurveyResponseEvent>({
  name: 'survey_responses',
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      submission_id text primary key, unit_code text not null, opd text not null, service_code text not null, served_on date not null,
      u1 smallint not null, u2 smallint not null, u3 smallint not null, u4 smallint not null, u5 smallint not null,
      u6 smallint not null, u7 smallint not null, u8 smallint not null, u9 smallint not null,
      served_by text, has_comment boolean not null, respondent jsonb, channel text not null, recorded_at timestamptz not null,
      status text not null default 'valid', rejection_reason text)`);
    await tx.query(`create index on "${t}" (unit_code, served_on)`);
    await tx.query(`create index on "${t}" (served_by) where served_by is not null`);
  },
  // Responses are the feedback service's bulk (tens of thousands a year): a run of submissions is
  // one insert, so a rebuild is not one round trip per response.
  onBatch: { SurveyResponseSubmitted: insertResponses },
  on: {
    SurveyResponseRejected: ({ data: d }, tx, t) =>
      tx.query(`update "${t}" set status = 'rejected', rejection_reason = $2 where submission_id = $1`, [
        d.submissionId,
        d.reason,
      ]),
  },
});

async function insertResponses(
  submitted: StoredEvent<SurveyResponseSubmitted>[],
  tx: QueryRunner,
  t: string,
): Promise<void> {
  const rows = submitted.map(({ data: d, erased, recordedAt }) => ({
    submission_id: d.submissionId,
    unit_code: d.unitCode,
    opd: d.opd,
    service_code: d.serviceCode,
    served_on: d.servedOn,
    ...d.scores,
    served_by: d.servedBy ?? null,
    // After an erasure the comment reads as null but is listed in `erased`: there was one.
    has_comment: d.comment != null || Boolean(erased?.includes('comment')),
    respondent: d.respondent ?? null,
    channel: d.channel,
    recorded_at: recordedAt,
  }));
  await tx.query(
    `insert into "${t}" (submission_id, unit_code, opd, service_code, served_on, u1, u2, u3, u4, u5, u6, u7, u8, u9,
      served_by, has_comment, respondent, channel, recorded_at)
    select submission_id, unit_code, opd, service_code, served_on, u1, u2, u3, u4, u5, u6, u7, u8, u9, served_by, has_comment, respondent, channel, recorded_at
      from jsonb_to_recordset($1::jsonb) as r(submission_id text, unit_code text, opd text, service_code text, served_on date,
        u1 smallint, u2 smallint, u3 smallint, u4 smallint, u5 smallint, u6 smallint, u7 smallint, u8 smallint, u9 smallint,
        served_by text, has_comment boolean, respondent jsonb, channel text, recorded_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}
