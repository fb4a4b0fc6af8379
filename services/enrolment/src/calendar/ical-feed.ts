import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ICAL from 'ical.js';
import type { ProgrammeDetails, Session } from '@kompeten/contracts';

/** Enrolment statuses whose sessions a calendar shows: a seat held or asked for, or a training done. */
export const FEED_STATUSES = ['pending-funds', 'awaiting-release', 'confirmed', 'completed'] as const;
/** A seat the budget and the unit head both said yes to (or a training done): CONFIRMED; else TENTATIVE. */
const isConfirmed = (status: string) => status === 'confirmed' || status === 'completed';

/** A programme as the catalogue read model holds it, with the enrolments the feed shows. */
export interface FeedProgramme {
  programmeId: string;
  details: Pick<ProgrammeDetails, 'title' | 'jp' | 'sessions'>;
  /** The feed's staff in it (one for a staff member's feed), each with their enrolment's status. */
  staff: { nip: string; status: string }[];
}

interface FeedOptions {
  /** The calendar's name, as the app lists it. */
  name: string;
  /** The city's time zone (CityCalendar): session times are its wall clock. */
  timeZone: string;
  /** DTSTAMP: when the feed was produced. */
  stamp: Date;
}

/**
 * A staff member's training calendar (RFC 5545): one VEVENT per session of each programme they are
 * in, TENTATIVE until the seat is confirmed. The UID names the programme, session and NIP, so a
 * revised session keeps its identity in the subscriber's calendar and only moves.
 */
export function staffFeed(nip: string, programmes: FeedProgramme[], options: FeedOptions): string {
  return feed(options, (add) => {
    for (const p of programmes)
      for (const s of p.details.sessions) {
        const { status } = p.staff[0];
        add(p, s, {
          uid: `${p.programmeId}.${s.sessionId}.${nip}@kompeten`,
          confirmed: isConfirmed(status),
          lines: [`Enrolment: ${status}`],
          x: [],
        });
      }
  });
}

/**
 * A unit's training calendar: one VEVENT per session of each programme its staff are in, listing
 * them by NIP only (a feed URL is a bearer secret: names stay behind a login), with the counts.
 * CONFIRMED once anyone's seat is confirmed.
 */
export function unitFeed(unitKey: string, programmes: FeedProgramme[], options: FeedOptions): string {
  return feed(options, (add) => {
    for (const p of programmes) {
      const confirmed = p.staff.filter((x) => isConfirmed(x.status)).length;
      const counts = `${p.staff.length} staff (${confirmed} confirmed, ${p.staff.length - confirmed} tentative)`;
      const lines = [counts, ...p.staff.map((x) => `${x.nip} (${x.status})`)];
      for (const s of p.details.sessions)
        add(p, s, {
          uid: `${p.programmeId}.${s.sessionId}.${unitKey}@kompeten`,
          confirmed: confirmed > 0,
          lines,
          x: [
            ['x-kompeten-staff-count', String(p.staff.length)],
            ['x-kompeten-confirmed-count', String(confirmed)],
          ],
        });
    }
  });
}

type AddEvent = (
  p: FeedProgramme,
  s: Session,
  e: { uid: string; confirmed: boolean; lines: string[]; x: [string, string][] },
) => void;

/**
 * The calendar, built and written by ical.js: its escaping, and its folding of lines to 75 octets at
 * most, which counts each character's UTF-8 length without encoding it (a unit's feed takes a few ms).
 * Times are the city's wall clock with its TZID, the zone described once by its VTIMEZONE; DTSTAMP is
 * UTC, as RFC 5545 asks; a session without a time is a whole day (DATE values).
 */
function feed({ name, timeZone, stamp }: FeedOptions, fill: (add: AddEvent) => void): string {
  const { vtimezone, zone } = cityZone(timeZone);
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', '-//kompeten//training-calendar//EN');
  // RFC 7986 and the de-facto X-WR- names: not in ical.js's design, so written as they are given.
  calendar.addPropertyWithValue('name', name);
  calendar.addPropertyWithValue('x-wr-calname', name);
  calendar.addPropertyWithValue('x-wr-timezone', timeZone);
  const refresh = new ICAL.Property('refresh-interval');
  refresh.resetType('duration');
  refresh.setValue(HOUR);
  calendar.addProperty(refresh);
  calendar.addPropertyWithValue('x-published-ttl', HOUR.toString());
  calendar.addSubcomponent(new ICAL.Component(vtimezone));
  const dtstamp = ICAL.Time.fromJSDate(stamp, true);
  fill((p, s, e) => {
    const v = new ICAL.Component('vevent');
    const event = new ICAL.Event(v);
    event.uid = e.uid;
    v.addPropertyWithValue('dtstamp', dtstamp);
    const [y, m, d] = s.date.split('-').map(Number);
    if (s.startTime === null || s.endTime === null) {
      const start = ICAL.Time.fromData({ year: y, month: m, day: d, isDate: true });
      const end = start.clone();
      end.adjust(1, 0, 0, 0);
      event.startDate = start;
      event.endDate = end;
    } else {
      event.startDate = at(y, m, d, s.startTime, zone);
      event.endDate = at(y, m, d, s.endTime, zone);
    }
    event.summary = `${p.details.title}: ${s.title}`;
    const location = s.venue ?? s.onlineUrl;
    if (location) event.location = location;
    if (s.onlineUrl) v.addPropertyWithValue('url', s.onlineUrl);
    event.description = [
      `Programme: ${p.details.title} (${p.details.jp} JP)`,
      `Session: ${s.title}`,
      ...(s.trainer ? [`Trainer: ${s.trainer}`] : []),
      ...(s.venue && s.onlineUrl ? [`Online: ${s.onlineUrl}`] : []),
      ...e.lines,
    ].join('\n');
    v.addPropertyWithValue('status', e.confirmed ? 'CONFIRMED' : 'TENTATIVE');
    for (const [key, value] of e.x) v.addPropertyWithValue(key, value);
    calendar.addSubcomponent(v);
  });
  return calendar.toString() + '\r\n';
}

const HOUR = ICAL.Duration.fromData({ hours: 1 });

// ical.js folds after `foldLength` octets and puts the fold's space before as many again: 75 would
// make continuation lines 76 octets, where RFC 5545 (3.1) asks for 75 at most. (A module-wide setting
// of ical.js; it only changes how long the lines it writes are, here and wherever else it writes.)
ICAL.foldLength = 74;

/** The zone's VTIMEZONE (as jCal) and ical.js's zone for it, parsed once per zone. */
const zones = new Map<string, { vtimezone: unknown[]; zone: ICAL.Timezone }>();
function cityZone(timeZone: string) {
  let known = zones.get(timeZone);
  if (!known) {
    const text = getVtimezoneComponent(timeZone);
    if (!text) throw new Error(`no VTIMEZONE for ${timeZone}`);
    const component = ICAL.Component.fromString(text);
    known = { vtimezone: component.toJSON() as unknown[], zone: new ICAL.Timezone({ component, tzid: timeZone }) };
    zones.set(timeZone, known);
  }
  return known;
}

/** `HH:MM` on day y-m-d of the city's wall clock. */
function at(year: number, month: number, day: number, time: string, zone: ICAL.Timezone): ICAL.Time {
  const [hour, minute] = time.split(':').map(Number);
  return ICAL.Time.fromData({ year, month, day, hour, minute }, zone);
}
