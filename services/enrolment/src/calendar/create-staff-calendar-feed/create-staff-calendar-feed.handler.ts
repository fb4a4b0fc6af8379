import { DataSource } from 'typeorm';
import { createStaffCalendarFeed } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { staffStreamId } from '../../staff/staff.decider';
import { calendarFeeds } from '../calendar-feed.store';
import { problems } from '../calendar-feed.problems';
import { feedUrl } from '../feed-url';

@Handles(createStaffCalendarFeed)
export class CreateStaffCalendarFeedHandler implements UseCaseHandler<typeof createStaffCalendarFeed> {
  constructor(
    private readonly db: DataSource,
    private readonly store: EventStore,
  ) {}

  async handle({ params: { nip } }: UseCaseRequest<typeof createStaffCalendarFeed>) {
    if (!(await this.store.readStream(staffStreamId(nip))).length) throw problems.staffNotFound(nip);
    const { feedId, token, createdAt } = await calendarFeeds(this.db).create({ kind: 'staff', nip });
    return { feedId, url: feedUrl(token), createdAt: createdAt.toISOString() };
  }
}
