import type { QueryRunner } from 'typeorm';
import type { SurveyResponseEvent } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';
import type { Projection } from '@kompeten/messaging';

/**
 * One row per survey response: unit, service, date, the nine scores, the staff member named.
 * Comments and contact details are personal data and stay sealed in the log: only whether there
 * was one is kept here, so erasing a respondent needs no clean-up.
 */
export const surveyResponsesProjection: Projection = {
  name: 'survey_responses',
  async createTable(tx: QueryRunner, t: string) {
    await tx.query(`create table "${t}" (
      submission_id text primary key, unit_code text not null, opd text not null, service_code text not null, served_on date not null,
      u1 smallint not null, u2 smallint not null, u3 smallint not null, u4 smallint not null, u5 smallint not null,
      u6 smallint not null, u7 smallint not null, u8 smallint not null, u9 smallint not null,
      served_by text, has_comment boolean not null, respondent jsonb, channel text not null, recorded_at timestamptz not null,
      status text not null default 'valid', rejection_reason text)`);
    await tx.query(`create index on "${t}" (unit_code, served_on)`);
    await tx.query(`create index on "${t}" (served_by) where served_by is not null`);
  },
  async apply(stored: StoredEvent, tx: QueryRunner, t: string) {
    await surveyResponsesProjection.applyBatch!([stored], tx, t);
  },
  // Responses are the feedback service's bulk (tens of thousands a year): a run of submissions is
  // one insert, so a rebuild is not one round trip per response.
  async applyBatch(events: StoredEvent[], tx: QueryRunner, t: string) {
    let submitted: StoredEvent[] = [];
    for (const stored of events) {
      const e = stored as unknown as SurveyResponseEvent;
      if (e.type === 'SurveyResponseSubmitted') {
        submitted.push(stored);
        continue;
      }
      // Anything else comes after the submissions before it: write those first, in log order.
      await insertResponses(tx, t, submitted);
      submitted = [];
      if (e.type === 'SurveyResponseRejected') {
        await tx.query(`update "${t}" set status = 'rejected', rejection_reason = $2 where submission_id = $1`, [
          e.data.submissionId,
          e.data.reason,
        ]);
      }
    }
    await insertResponses(tx, t, submitted);
  },
};

async function insertResponses(tx: QueryRunner, t: string, submitted: StoredEvent[]): Promise<void> {
  if (submitted.length === 0) return;
  const rows = submitted.map((stored) => {
    const d = (stored as unknown as Extract<SurveyResponseEvent, { type: 'SurveyResponseSubmitted' }>).data;
    // After an erasure the comment reads as null but is listed in `erased`: there was one.
    const hasComment = d.comment != null || Boolean(stored.erased?.includes('comment'));
    return {
      submission_id: d.submissionId,
      unit_code: d.unitCode,
      opd: d.opd,
      service_code: d.serviceCode,
      served_on: d.servedOn,
      ...d.scores,
      served_by: d.servedBy ?? null,
      has_comment: hasComment,
      respondent: d.respondent ?? null,
      channel: d.channel,
      recorded_at: stored.recordedAt,
    };
  });
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
