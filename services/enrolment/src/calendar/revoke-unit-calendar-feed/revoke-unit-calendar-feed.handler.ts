import { DataSource } from 'typeorm';
import { revokeUnitCalendarFeed } from '@kompeten/api';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { calendarFeeds } from '../calendar-feed.store';
import { problems } from '../calendar-feed.problems';

@Handles(revokeUnitCalendarFeed)
export class RevokeUnitCalendarFeedHandler implements UseCaseHandler<typeof revokeUnitCalendarFeed> {
  constructor(private readonly db: DataSource) {}

  async handle({ params: { opd, feedId }, res }: UseCaseRequest<typeof revokeUnitCalendarFeed>) {
    const revoked = await calendarFeeds(this.db).revoke(feedId, { opd });
    if (!revoked) throw problems.feedNotFound();
    if (revoked.already) res.status(200);
    return { feedId, revokedAt: revoked.revokedAt.toISOString() };
  }
}
