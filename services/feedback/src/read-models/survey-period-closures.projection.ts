import type { SurveyPeriodClosed } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/** The IKM each unit published per period, as published. */
export const surveyPeriodClosuresProjection = projection<SurveyPeriodClosed>({
  name: 'survey_period_closures',
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      unit_code text not null, period text not null, responses integer not null, ikm numeric, grade text,
      sample_target integer not null, sample_adequate boolean not null, closed_on date not null, primary key (unit_code, period))`);
  },
  on: {
    SurveyPeriodClosed: ({ data: d }, tx, t) =>
      tx.query(`insert into "${t}" values ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        d.unitCode,
        d.period,
        d.responses,
        d.ikm,
        d.grade,
        d.sampleTarget,
        d.sampleAdequate,
        d.closedOn,
      ]),
  },
});
