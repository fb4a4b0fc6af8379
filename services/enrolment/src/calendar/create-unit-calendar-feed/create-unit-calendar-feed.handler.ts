import { DataSource } from 'typeorm';
import { createUnitCalendarFeed } from '@kompeten/api';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { calendarFeeds } from '../calendar-feed.store';
import { feedUrl } from '../feed-url';

@Handles(createUnitCalendarFeed)
export class CreateUnitCalendarFeedHandler implements UseCaseHandler<typeof createUnitCalendarFeed> {
  constructor(private readonly db: DataSource) {}

  async handle({ params: { opd }, body }: UseCaseRequest<typeof createUnitCalendarFeed>) {
    const subject = { kind: 'unit' as const, opd, serviceUnit: body.serviceUnit ?? null };
    const { feedId, token, createdAt } = await calendarFeeds(this.db).create(subject);
    return { feedId, url: feedUrl(token), createdAt: createdAt.toISOString() };
  }
}
