import type { ProgrammeDetails, Session } from '@kompeten/contracts';
import { problems } from './programme.problems';

/** `HH:MM`, 00:00–23:59 (city time). */
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Rules a programme's sessions keep, published or revised (the request checks the shape too, but a
 * revision merges into details the request never saw, and the decider is the rule's one definition):
 *  - a session has a start and an end time, or neither (the whole day — every session published before
 *    times existed); the end comes after the start, on the same day;
 *  - a session with a time is a meeting somewhere: it names a venue, an https link, or both — a
 *    calendar entry at 08:00 with no place helps nobody (a whole-day session may leave the place open);
 *  - whether a seat waits for the unit head's release is always said (a revision may send null).
 */
export function checkSessions(d: Pick<ProgrammeDetails, 'sessions' | 'releaseRequired'>) {
  d.sessions.forEach(checkSession);
  if (typeof d.releaseRequired !== 'boolean') throw problems.invalid('releaseRequired', 'true or false');
}

function checkSession(s: Session, i: number) {
  const field = (name: keyof Session) => `sessions.${i}.${name}`;
  const [start, end] = [s.startTime ?? null, s.endTime ?? null];
  if ((start === null) !== (end === null))
    throw problems.invalid(
      field(start === null ? 'startTime' : 'endTime'),
      `session ${s.sessionId}: give both a start and an end time, or neither (the whole day)`,
    );
  if (start !== null && end !== null) {
    if (!TIME_OF_DAY.test(start))
      throw problems.invalid(field('startTime'), `session ${s.sessionId}: a time of day HH:MM (00:00–23:59)`);
    if (!TIME_OF_DAY.test(end))
      throw problems.invalid(field('endTime'), `session ${s.sessionId}: a time of day HH:MM (00:00–23:59)`);
    // Zero-padded HH:MM compares as text in time order.
    if (end <= start)
      throw problems.invalid(field('endTime'), `session ${s.sessionId}: ends (${end}) after it starts (${start})`);
    if (!s.venue && !s.onlineUrl)
      throw problems.invalid(
        field('venue'),
        `session ${s.sessionId} has a time: name its venue, its online link, or both`,
      );
  }
  if (s.onlineUrl && !isHttps(s.onlineUrl))
    throw problems.invalid(field('onlineUrl'), `session ${s.sessionId}: an https URL`);
}

function isHttps(url: string) {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
