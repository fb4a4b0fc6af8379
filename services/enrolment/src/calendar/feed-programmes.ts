import type { DataSource } from 'typeorm';
import type { FeedSubject } from './calendar-feed.store';
import { FEED_STATUSES, type FeedProgramme } from './ical-feed';

/**
 * The programmes a feed shows, read at each fetch from the read models: the enrolments (enrolment_history,
 * by the staff member's unit when they enrolled) that hold or await a seat — a withdrawal, a decline or a
 * cancellation drops them out — and the sessions as the catalogue has them now, so a revised time shows.
 */
export function feedProgrammesSql(subject: FeedSubject): { text: string; params: unknown[] } {
  const [where, params] =
    subject.kind === 'staff'
      ? ['h.nip = $2', [subject.nip]]
      : ['h.opd = $2 and ($3::text is null or h.service_unit = $3)', [subject.opd, subject.serviceUnit]];
  // Grouped by programme: its details once, however many of the unit's staff are in it (the read
  // model is a view over its current table: no primary key to group by alone).
  return {
    text: `select c.programme_id as "programmeId",
            jsonb_build_object('title', c.details->'title', 'jp', c.details->'jp', 'sessions', c.details->'sessions') as details,
            jsonb_agg(jsonb_build_object('nip', h.nip, 'status', h.status) order by h.nip) as staff
       from enrolment_history h join programme_catalogue c on c.programme_id = h.programme_id
      where h.status = any($1) and c.status <> 'cancelled' and ${where}
      group by c.programme_id, c.details
      order by c.programme_id`,
    params: [FEED_STATUSES, ...params],
  };
}

export async function feedProgrammes(db: DataSource, subject: FeedSubject): Promise<FeedProgramme[]> {
  const { text, params } = feedProgrammesSql(subject);
  return db.query<FeedProgramme[]>(text, params);
}
