import { SKM_ELEMENTS, type SkmElement } from '@kompeten/contracts';
import type { DataSource } from 'typeorm';
import type { ServedGroup } from './staff-comparison';

/** Programmes completed in the given units, with their first and last completion there. */
export function programmesCompleted(
  db: DataSource,
  unitCodes: string[],
): Promise<{ programme_id: string; first: string; last: string }[]> {
  return db.query<{ programme_id: string; first: string; last: string }[]>(
    `select programme_id, min(completed_on)::text as first, max(completed_on)::text as last
      from fb_training_completion where service_unit = any($1) group by programme_id order by programme_id`,
    [unitCodes],
  );
}

/** programme id → the units (of the given ones) where its staff completed it: one query for every programme. */
export async function unitsPerProgramme(db: DataSource, unitCodes: string[]): Promise<Map<string, string[]>> {
  const rows = await db.query<{ programme_id: string; units: string[] }[]>(
    `select programme_id, array_agg(distinct service_unit order by service_unit) as units
       from fb_training_completion where service_unit = any($1) group by programme_id`,
    [unitCodes],
  );
  return new Map(rows.map((r) => [r.programme_id, r.units]));
}

/** Units (of the given ones) where staff completed this programme, or any programme in the date range. */
export async function unitsWithCompletions(
  db: DataSource,
  unitCodes: string[],
  filter: { programmeId: string } | { start: string; end: string },
): Promise<string[]> {
  const rows =
    'programmeId' in filter
      ? await db.query<{ unit_code: string }[]>(
          'select distinct service_unit as unit_code from fb_training_completion where service_unit = any($1) and programme_id = $2',
          [unitCodes, filter.programmeId],
        )
      : await db.query<{ unit_code: string }[]>(
          'select distinct service_unit as unit_code from fb_training_completion where service_unit = any($1) and completed_on between $2 and $3',
          [unitCodes, filter.start, filter.end],
        );
  return rows.map((r) => r.unit_code);
}

/** Rupiah recorded as spent on a programme's completions in the given units. */
export async function programmeSpend(db: DataSource, programmeId: string, unitCodes: string[]): Promise<number> {
  const [row] = await db.query<{ spend: number }[]>(
    `select coalesce(sum(x.amount), 0)::float8 as spend from fb_training_spend x
      join fb_training_completion c on c.enrolment_id = x.enrolment_id
     where x.programme_id = $1 and c.service_unit = any($2)`,
    [programmeId, unitCodes],
  );
  return row.spend;
}

/** A row of servedGroups' query (u1 … u9 are sums). */
interface ServedGroupRow extends Record<SkmElement, number> {
  nip: string;
  known: boolean;
  trained: boolean;
  responses: number;
}

/**
 * Valid responses that name the staff member who served, added up by the database per staff member
 * and group (known to this service; trained on the day: a programme completed, or external learning
 * verified with JP credited, in the 12 months up to it): a province's quarter of a million answers become one row per staff member and
 * group instead of crossing the wire one by one. Same definition of trained, found by hash joins: each
 * staff member's few credit dates gathered once (`credited`) instead of an index probe per answer into
 * the completions and another into the credits (1.9 s → 0.8 s for 270,900 answers, identical groups).
 */
export async function servedGroups(
  db: DataSource,
  start: string,
  end: string,
  unitCodes: string[],
): Promise<ServedGroup[]> {
  const rows = await db.query<ServedGroupRow[]>(
    `with served as (
       select r.served_by as nip, r.served_on, r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9
         from survey_responses r
        where r.status = 'valid' and r.served_by is not null and r.served_on between $1 and $2 and r.unit_code = any($3)),
     credited as (
       select nip, array_agg(completed_on) as days from (
         select nip, completed_on from fb_training_completion
         union all
         select nip, completed_on from fb_external_learning_credit where jp > 0) c
       group by nip),
     flagged as (
       select s.*, f.nip is not null as known,
         coalesce((select bool_or(d <= s.served_on and d > (s.served_on - interval '12 months')::date) from unnest(c.days) d), false) as trained
       from served s left join fb_staff f on f.nip = s.nip left join credited c on c.nip = s.nip)
     select nip, known, trained, count(*)::int as responses,
       sum(u1)::int as u1, sum(u2)::int as u2, sum(u3)::int as u3, sum(u4)::int as u4, sum(u5)::int as u5,
       sum(u6)::int as u6, sum(u7)::int as u7, sum(u8)::int as u8, sum(u9)::int as u9
       from flagged group by nip, known, trained`,
    [start, end, unitCodes],
  );
  return rows.map((r) => ({
    nip: r.nip,
    known: r.known,
    trained: r.trained,
    responses: r.responses,
    sums: Object.fromEntries(SKM_ELEMENTS.map((u) => [u, Number(r[u])])) as ServedGroup['sums'],
  }));
}
