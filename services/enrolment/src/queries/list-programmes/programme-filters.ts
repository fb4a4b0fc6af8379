import type { ListProgrammesRequest } from '@kompeten/api';
import { decodeCursor } from '@kompeten/api';
import { SEAT_HOLDING } from '../../read-models/programme-catalogue.projection';
import { containsPattern, SqlWhere } from '../sql-where';

/** Enrolment states in which a staff member cannot enrol again: in it, waiting for it, or done. */
export const ENROLLED = [...SEAT_HOLDING, 'waitlisted-capacity', 'waitlisted-funds'] as const;

/** Still taking enrolments on `today` (the decider's rule: late enrolment, or no session has begun). */
export const openOn = (today: string, w: SqlWhere) =>
  `c.status = 'published' and (c.late_enrolment or c.first_session_date is null or c.first_session_date >= ${w.bind(today)}::date)`;

/**
 * The catalogue's filters over `programme_catalogue c` (the cursor excluded: the total counts every
 * page). `today` is the city's date.
 */
export function programmeFilters(q: ListProgrammesRequest, today: string): SqlWhere {
  const w = new SqlWhere();
  if (q.form) w.and(`c.form = ${w.bind(q.form)}`);
  if (q.competencyType) w.and(`c.competency_type = ${w.bind(q.competencyType)}`);
  if (q.competencyArea) w.and(`c.competency_area = ${w.bind(q.competencyArea)}`);
  if (q.fundingOpd) w.and(`c.funding_opd = ${w.bind(q.fundingOpd)}`);
  if (q.open !== undefined) w.and(q.open ? openOn(today, w) : `not (${openOn(today, w)})`);
  const minSeats = Math.max(q.minSeatsLeft ?? 0, q.hasSeats === true ? 1 : 0);
  if (minSeats > 0) w.and(`c.capacity - c.seats_taken >= ${w.bind(minSeats)}::int`);
  if (q.hasSeats === false) w.and('c.capacity - c.seats_taken <= 0');
  // The programme's sessions span the range (a programme without sessions has no dates to match).
  if (q.from) w.and(`c.last_session_date >= ${w.bind(q.from)}::date`);
  if (q.to) w.and(`c.first_session_date <= ${w.bind(q.to)}::date`);
  if (q.eligibleFor) {
    const nip = w.bind(q.eligibleFor);
    w.and(openOn(today, w))
      .and(`coalesce(c.enrolments->>${nip}, '') <> all(${w.bind(ENROLLED)}::text[])`)
      .and(`exists (select 1 from staff_roster s where s.nip = ${nip} and s.status = 'active')`);
  }
  if (q.q?.trim()) w.and(`c.title ilike ${w.bind(containsPattern(q.q))}`);
  return w;
}

/** The catalogue's order: earliest first session first (programmes without sessions last), then id. */
export const PROGRAMME_ORDER = 'c.first_session_date asc nulls last, c.programme_id asc';

/** Rows strictly after the cursor's (first session date, programme id) in PROGRAMME_ORDER. */
export function afterCursor(cursor: string | undefined, w: SqlWhere): SqlWhere {
  const key = cursor ? decodeCursor(cursor, 2) : undefined;
  if (!key) return w;
  const [date, id] = key;
  if (date === null) return w.and(`c.first_session_date is null and c.programme_id > ${w.bind(id)}`);
  const d = w.bind(date);
  return w.and(
    `c.first_session_date > ${d}::date or (c.first_session_date = ${d}::date and c.programme_id > ${w.bind(id)}) or c.first_session_date is null`,
  );
}
