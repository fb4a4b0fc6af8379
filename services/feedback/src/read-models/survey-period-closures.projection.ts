import type { QueryRunner } from 'typeorm';
import type { SurveyPeriodClosed } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';
import type { Projection } from '@kompeten/messaging';

/** The IKM each unit published per period, as published. */
export const surveyPeriodClosuresProjection: Projection = {
  name: 'survey_period_closures',
  async createTable(tx: QueryRunner, t: string) {
    await tx.query(`create table "${t}" (
      unit_code text not null, period text not null, responses integer not null, ikm numeric, grade text,
      sample_target integer not null, sample_adequate boolean not null, closed_on date not null, primary key (unit_code, period))`);
  },
  async apply(stored: StoredEvent, tx: QueryRunner, t: string) {
    if (stored.type !== 'SurveyPeriodClosed') return;
    const d = (stored as unknown as SurveyPeriodClosed).data;
    await tx.query(`insert into "${t}" values ($1, $2, $3, $4, $5, $6, $7, $8)`, [
      d.unitCode,
      d.period,
      d.responses,
      d.ikm,
      d.grade,
      d.sampleTarget,
      d.sampleAdequate,
      d.closedOn,
    ]);
  },
};
