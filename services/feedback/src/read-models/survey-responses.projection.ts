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
    const e = stored as unknown as SurveyResponseEvent;
    switch (e.type) {
      case 'SurveyResponseSubmitted': {
        const d = e.data;
        const s = d.scores;
        // After an erasure the comment reads as null but is listed in `erased`: there was one.
        const hasComment = d.comment != null || Boolean(stored.erased?.includes('comment'));
        await tx.query(`insert into "${t}" (submission_id, unit_code, opd, service_code, served_on, u1, u2, u3, u4, u5, u6, u7, u8, u9,
            served_by, has_comment, respondent, channel, recorded_at)
          values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
          [d.submissionId, d.unitCode, d.opd, d.serviceCode, d.servedOn, s.u1, s.u2, s.u3, s.u4, s.u5, s.u6, s.u7, s.u8, s.u9,
            d.servedBy, hasComment, d.respondent ? JSON.stringify(d.respondent) : null, d.channel, stored.recordedAt]);
        return;
      }
      case 'SurveyResponseRejected':
        await tx.query(`update "${t}" set status = 'rejected', rejection_reason = $2 where submission_id = $1`, [e.data.submissionId, e.data.reason]);
        return;
    }
  },
};
