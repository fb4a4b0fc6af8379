import { defineUseCase, PARAM } from '../use-case';
import { CalendarText } from './calendar-feed.schema';

export const getCalendarFeed = defineUseCase({
  name: 'getCalendarFeed',
  service: 'enrolment',
  method: 'GET',
  path: '/calendar/:token',
  tag: 'calendars',
  summary:
    'A calendar feed (iCalendar, text/calendar) by its secret token, as calendar apps subscribe to it: no login. An unknown or revoked token answers 404',
  params: { token: PARAM.calendarToken },
  response: CalendarText,
  produces: 'text/calendar',
  // The token is the credential (a bearer secret in the URL, as calendar apps need): the gateway asks for no JWT.
  access: { roles: [], public: true },
  problems: [400, 404],
});
