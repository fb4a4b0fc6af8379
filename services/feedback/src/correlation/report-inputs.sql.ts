import { SKM_ELEMENTS, type SkmElement, type SkmScores } from '@kompeten/contracts';
import type { DataSource } from 'typeorm';
import type { ServedResponse } from './staff-comparison';

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

/** A row of responsesNamingStaff's query (u1 … u9 are smallint). */
interface ServedResponseRow extends Record<SkmElement, number> {
  nip: string;
  served_on: string;
  known: boolean;
  trained: boolean;
}

/**
 * Valid responses that name the staff member who served, with whether that person was trained on the day:
 * a programme completed, or external learning verified with JP credited, in the 12 months up to it.
 */
export async function responsesNamingStaff(
  db: DataSource,
  start: string,
  end: string,
  unitCodes: string[],
): Promise<ServedResponse[]> {
  const rows = await db.query<ServedResponseRow[]>(
    `select r.served_by as nip, r.served_on::text as served_on, r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9,
        exists (select 1 from fb_staff s where s.nip = r.served_by) as known,
        exists (select 1 from fb_training_completion c where c.nip = r.served_by
                   and c.completed_on <= r.served_on and c.completed_on > (r.served_on - interval '12 months')::date)
        or exists (select 1 from fb_external_learning_credit x where x.nip = r.served_by and x.jp > 0
                   and x.completed_on <= r.served_on and x.completed_on > (r.served_on - interval '12 months')::date) as trained
      from survey_responses r
     where r.status = 'valid' and r.served_by is not null and r.served_on between $1 and $2 and r.unit_code = any($3)`,
    [start, end, unitCodes],
  );
  return rows.map((r) => ({
    nip: r.nip,
    servedOn: r.served_on,
    known: r.known,
    trained: r.trained,
    scores: Object.fromEntries(SKM_ELEMENTS.map((u) => [u, Number(r[u])])) as SkmScores,
  }));
}
