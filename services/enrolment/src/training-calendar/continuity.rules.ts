import type { ReleaseDay } from '@kompeten/contracts';
import type { Release, TrainingCalendarState } from './training-calendar.state';

/** Minutes since midnight of `HH:MM`; a whole-day session spans the day. */
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const span = (d: ReleaseDay): [number, number] => [
  d.startTime === null ? 0 : minutes(d.startTime),
  d.endTime === null ? 24 * 60 : minutes(d.endTime),
];

/** Two sessions overlap when they share a day and their times meet (touching end to start does not). */
export function overlaps(a: ReleaseDay, b: ReleaseDay): boolean {
  if (a.date !== b.date) return false;
  const [as, ae] = span(a);
  const [bs, be] = span(b);
  return as < be && bs < ae;
}

export interface Conflict {
  programmeId: string;
  sessionId: string;
  date: string;
  /** The new session that overlaps it. */
  with: string;
}

/** The staff member's other releases whose sessions overlap the new days. */
export function conflictsOf(
  s: TrainingCalendarState,
  nip: string,
  enrolmentId: string,
  days: ReleaseDay[],
): Conflict[] {
  return Object.values(s.releases)
    .filter((r) => r.nip === nip && r.enrolmentId !== enrolmentId)
    .flatMap((r) =>
      r.days.flatMap((old) =>
        days
          .filter((d) => overlaps(old, d))
          .map((d) => ({ programmeId: r.programmeId, sessionId: old.sessionId, date: old.date, with: d.sessionId })),
      ),
    );
}

/**
 * How many may be away on one day: the count, the share of today's headcount (rounded down: a share
 * never allows more people than it says), or the lower of the two; null without a rule.
 */
export function awayLimit(s: TrainingCalendarState, headcount: number): number | null {
  if (!s.rule) return null;
  const limits = [
    s.rule.maxAwayCount,
    s.rule.maxAwayShare === null ? null : Math.floor(s.rule.maxAwayShare * headcount),
  ].filter((x): x is number => x !== null);
  return limits.length ? Math.min(...limits) : null;
}

/** Who is away on a date (distinct staff with a release that holds a session that day). */
export function awayOn(releases: Release[], date: string): Set<string> {
  return new Set(releases.filter((r) => r.days.some((d) => d.date === date)).map((r) => r.nip));
}

export interface ShortDay {
  date: string;
  /** Staff already away that day. */
  away: number;
  limit: number;
}

/** The dates on which releasing `nip` would put more of the unit away than the rule allows. */
export function shortDays(s: TrainingCalendarState, nip: string, days: ReleaseDay[], headcount: number): ShortDay[] {
  const limit = awayLimit(s, headcount);
  if (limit === null) return [];
  const releases = Object.values(s.releases);
  const dates = [...new Set(days.map((d) => d.date))].sort();
  return dates
    .map((date) => {
      const away = awayOn(releases, date);
      away.delete(nip); // already away that day for another programme: not one more person gone
      return { date, away: away.size, limit };
    })
    .filter((d) => d.away + 1 > d.limit);
}
