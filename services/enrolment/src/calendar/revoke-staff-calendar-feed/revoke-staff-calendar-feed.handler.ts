import { DataSource } from 'typeorm';
import { revokeStaffCalendarFeed } from '@kompeten/api';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { calendarFeeds } from '../calendar-feed.store';
import { problems } from '../calendar-feed.problems';

@Handles(revokeStaffCalendarFeed)
export class RevokeStaffCalendarFeedHandler implements UseCaseHandler<typeof revokeStaffCalendarFeed> {
  constructor(private readonly db: DataSource) {}

  async handle({ params: { nip, feedId }, res }: UseCaseRequest<typeof revokeStaffCalendarFeed>) {
    const revoked = await calendarFeeds(this.db).revoke(feedId, { nip });
    if (!revoked) throw problems.feedNotFound();
    if (revoked.already) res.status(200);
    return { feedId, revokedAt: revoked.revokedAt.toISOString() };
  }
}
