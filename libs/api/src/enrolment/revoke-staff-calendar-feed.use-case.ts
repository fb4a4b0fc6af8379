import { defineUseCase, PARAM } from '../use-case';
import { CalendarFeedRevokedSchema } from './calendar-feed.schema';

export const revokeStaffCalendarFeed = defineUseCase({
  name: 'revokeStaffCalendarFeed',
  service: 'enrolment',
  method: 'POST',
  path: '/staff/:nip/calendar-feeds/:feedId/revocation',
  tag: 'calendars',
  summary: 'Revoke a staff member’s calendar feed: its URL answers 404 from now on',
  params: { nip: PARAM.nip, feedId: PARAM.uuid },
  response: CalendarFeedRevokedSchema,
  alsoOk: 'Already revoked (the first revocation’s time)',
  access: { roles: ['training-officer', 'staff'], selfParam: 'nip' },
  problems: [400, 404],
});
