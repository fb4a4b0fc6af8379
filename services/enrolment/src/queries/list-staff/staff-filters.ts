import type { ListStaffRequest } from '@kompeten/api';
import { decodeCursor } from '@kompeten/api';
import { JP_CREDITS } from '../jp-credits.sql';
import { JP_RIGHT_PNS } from '../jp-ledger';
import { SqlWhere } from '../sql-where';

const JP_IN_YEAR = `h.completed_on between make_date($1::int, 1, 1) and make_date($1::int, 12, 31)`;

/**
 * The roster with what its filters need, for the city year `year`: JP credited in it (as the JP
 * ledger counts them: by completion date, programmes and verified external learning, jp-credits.sql.ts), below the PNS target (as list-staff-below-jp-target: PNS
 * in service, registered by the year's end), and a competency gap the assessment service found
 * against the position they hold now (staff_competency_gap). `$1` is the year.
 *
 * The JP are summed per staff member (`lateral`: for a page, which stops at its last row) or for
 * everyone at once (`grouped`: for a count, one pass over the year's completions instead of one
 * lookup per staff member; dropped by the planner when no filter needs it).
 */
export const rosterSql = (jp: 'lateral' | 'grouped') => `
  select s.nip, s.employment_type, s.opd, s.service_unit, s.position, s.status, coalesce(jp.jp, 0) as jp_this_year,
         (s.employment_type = 'PNS' and s.status = 'active' and s.registered_on <= make_date($1::int, 12, 31)
          and coalesce(jp.jp, 0) < ${JP_RIGHT_PNS}) as below_jp_target,
         exists (select 1 from staff_competency_gap g where g.nip = s.nip and g.gap and g.position = s.position) as has_gap
    from staff_roster s
    ${
      jp === 'lateral'
        ? `left join lateral (select sum(h.jp_credited)::int as jp from ${JP_CREDITS} h where h.nip = s.nip and ${JP_IN_YEAR}) jp on true`
        : `left join (select h.nip, sum(h.jp_credited)::int as jp from ${JP_CREDITS} h where ${JP_IN_YEAR} group by h.nip) jp on jp.nip = s.nip`
    }`;

/** The filters over rosterSql's columns as `r` (the cursor excluded: the total counts every page). */
export function staffFilters(q: ListStaffRequest, year: number): SqlWhere {
  const w = new SqlWhere();
  w.bind(year);
  if (q.opd) w.and(`r.opd = ${w.bind(q.opd)}`);
  if (q.serviceUnit) w.and(`r.service_unit = ${w.bind(q.serviceUnit)}`);
  if (q.employmentType) w.and(`r.employment_type = ${w.bind(q.employmentType)}`);
  if (q.status) w.and(`r.status = ${w.bind(q.status)}`);
  if (q.belowJpTarget !== undefined) w.and(q.belowJpTarget ? 'r.below_jp_target' : 'not r.below_jp_target');
  if (q.competencyGap !== undefined) w.and(q.competencyGap ? 'r.has_gap' : 'not r.has_gap');
  return w;
}

/** Rows after the cursor's NIP (the roster is ordered by NIP: unique, and it never changes). */
export function afterNip(cursor: string | undefined, w: SqlWhere): SqlWhere {
  const key = cursor ? decodeCursor(cursor, 1) : undefined;
  return key ? w.and(`r.nip > ${w.bind(key[0])}`) : w;
}
