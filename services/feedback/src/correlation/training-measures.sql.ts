import type { DataSource } from 'typeorm';
import { FB_JP_CREDITS } from '../training-history/jp-credits.sql';

/**
 * What the feedback service knows about the training of the staff who work in each unit on a date
 * (`asOf`), over the 12 months up to it: (from, asOf]. Staff are counted where their assignment
 * says they were on that date; their training counts wherever it happened, programmes completed and
 * external learning verified alike (JP and completions by area; gains and spend are the programmes').
 */
export interface TrainingRows {
  staff: { unit_code: string; nip: string; jp: number }[];
  areas: { unit_code: string; area: string | null; completions: number }[];
  gains: { unit_code: string; gain: number }[];
  spend: { unit_code: string; amount: number }[];
}

const STAFF_AT = `staff_at as (
  select a.nip, a.service_unit as unit_code from fb_staff_assignment a
   where a.service_unit = any($3) and a.from_date <= $1 and (a.to_date is null or a.to_date > $1))`;

export async function trainingRows(
  db: DataSource,
  asOf: string,
  from: string,
  unitCodes: string[],
): Promise<TrainingRows> {
  const params = [asOf, from, unitCodes];
  const [staff, areas, gains, spend] = await Promise.all([
    db.query<TrainingRows['staff']>(
      `with ${STAFF_AT}
      select s.unit_code, s.nip, coalesce(sum(c.jp) filter (where c.completed_on > $2 and c.completed_on <= $1), 0)::int as jp
        from staff_at s left join ${FB_JP_CREDITS} c on c.nip = s.nip group by s.unit_code, s.nip`,
      params,
    ),
    db.query<TrainingRows['areas']>(
      `with ${STAFF_AT}
      select s.unit_code, c.competency_area as area, count(*)::int as completions
        from staff_at s join ${FB_JP_CREDITS} c on c.nip = s.nip
       where c.completed_on > $2 and c.completed_on <= $1 group by 1, 2 order by 1, 2`,
      params,
    ),
    db.query<TrainingRows['gains']>(
      `with ${STAFF_AT}
      select s.unit_code, r.learning_gain::float8 as gain
        from staff_at s join fb_assessment_result r on r.nip = s.nip
       where r.kind = 'post' and r.learning_gain is not null and r.assessed_on > $2 and r.assessed_on <= $1`,
      params,
    ),
    db.query<TrainingRows['spend']>(
      `with ${STAFF_AT}
      select s.unit_code, x.amount::float8 as amount
        from staff_at s join fb_training_spend x on x.nip = s.nip
       where x.spent_on > $2 and x.spent_on <= $1`,
      params,
    ),
  ]);
  return { staff, areas, gains, spend };
}

/** Element sums and counts of the valid responses per unit in a date range (inclusive). */
export interface SurveyTotalsRow {
  unit_code: string;
  responses: number;
  u1: number;
  u2: number;
  u3: number;
  u4: number;
  u5: number;
  u6: number;
  u7: number;
  u8: number;
  u9: number;
}

export function surveyTotals(
  db: DataSource,
  start: string,
  end: string,
  unitCodes: string[],
): Promise<SurveyTotalsRow[]> {
  return db.query<SurveyTotalsRow[]>(
    `select unit_code, count(*)::int as responses,
      sum(u1)::int as u1, sum(u2)::int as u2, sum(u3)::int as u3, sum(u4)::int as u4, sum(u5)::int as u5,
      sum(u6)::int as u6, sum(u7)::int as u7, sum(u8)::int as u8, sum(u9)::int as u9
    from survey_responses where status = 'valid' and served_on between $1 and $2 and unit_code = any($3)
    group by unit_code`,
    [start, end, unitCodes],
  );
}
