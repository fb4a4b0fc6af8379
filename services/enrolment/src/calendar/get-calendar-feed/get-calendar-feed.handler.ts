import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { getCalendarFeed } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { calendarFeeds, type FeedSubject } from '../calendar-feed.store';
import { problems } from '../calendar-feed.problems';
import { feedProgrammes } from '../feed-programmes';
import { staffFeed, unitFeed, type FeedProgramme } from '../ical-feed';

/** Feeds kept built (a unit's is ≈ 100 kB): calendar apps poll every hour or so, and mostly nothing changed. */
const KEPT = 200;

/**
 * A calendar feed by its token, from the read models at each fetch (calendar apps poll): the sessions
 * as they are now, the enrolments that still hold a seat. Served as text/calendar (the use case's
 * `produces`). The rows are read every time; the iCalendar text is rebuilt only when they changed
 * (a unit's feed, ≈ 100 kB, costs a few ms to build, as much as its rows to read), so a feed is
 * never staler than the read models.
 */
@Handles(getCalendarFeed)
export class GetCalendarFeedHandler implements UseCaseHandler<typeof getCalendarFeed> {
  private readonly built = new Map<string, { rows: string; text: string }>();

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { token } }: UseCaseRequest<typeof getCalendarFeed>) {
    const feed = await calendarFeeds(this.db).byToken(token.replace(/\.ics$/, ''));
    if (!feed) throw problems.feedNotFound();
    const programmes = await feedProgrammes(this.db, feed.subject);
    const rows = createHash('sha256').update(JSON.stringify(programmes)).digest('hex');
    const kept = this.built.get(feed.feedId);
    if (kept?.rows === rows) return kept.text;
    const text = this.build(feed.subject, programmes);
    this.built.delete(feed.feedId);
    this.built.set(feed.feedId, { rows, text });
    // The oldest built first (a Map keeps insertion order).
    if (this.built.size > KEPT) this.built.delete(this.built.keys().next().value!);
    return text;
  }

  private build(subject: FeedSubject, programmes: FeedProgramme[]) {
    const options = { timeZone: this.calendar.timeZone, stamp: this.clock.now() };
    if (subject.kind === 'staff')
      return staffFeed(subject.nip, programmes, { ...options, name: `Kompeten: training of ${subject.nip}` });
    const name = `Kompeten: training, ${subject.opd}${subject.serviceUnit ? ` / ${subject.serviceUnit}` : ''}`;
    return unitFeed(subject.serviceUnit ?? subject.opd, programmes, { ...options, name });
  }
}
