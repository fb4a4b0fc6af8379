import { defineUseCase, PARAM } from '../use-case';
import { CalendarFeedCreatedSchema } from './calendar-feed.schema';

export const createStaffCalendarFeed = defineUseCase({
  name: 'createStaffCalendarFeed',
  service: 'enrolment',
  method: 'POST',
  path: '/staff/:nip/calendar-feeds',
  tag: 'calendars',
  summary:
    'Create an iCalendar feed of a staff member’s training sessions, for their phone’s calendar to subscribe to (the URL is shown once)',
  params: { nip: PARAM.nip },
  response: CalendarFeedCreatedSchema,
  // A unit head is left out: the path names a NIP, not the unit the gateway could check it against.
  access: { roles: ['training-officer', 'staff'], selfParam: 'nip' },
  problems: [400, 404],
});
