import { defineUseCase, PARAM } from '../use-case';
import { CalendarFeedRevokedSchema } from './calendar-feed.schema';

export const revokeUnitCalendarFeed = defineUseCase({
  name: 'revokeUnitCalendarFeed',
  service: 'enrolment',
  method: 'POST',
  path: '/units/:opd/calendar-feeds/:feedId/revocation',
  tag: 'calendars',
  summary: 'Revoke a unit’s calendar feed: its URL answers 404 from now on',
  params: { opd: PARAM.opd, feedId: PARAM.uuid },
  response: CalendarFeedRevokedSchema,
  alsoOk: 'Already revoked (the first revocation’s time)',
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  problems: [400, 404],
});
