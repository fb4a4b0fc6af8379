import { defineUseCase, PARAM } from '../use-case';
import { CalendarFeedCreatedSchema, CreateUnitCalendarFeedRequest } from './calendar-feed.schema';

export const createUnitCalendarFeed = defineUseCase({
  name: 'createUnitCalendarFeed',
  service: 'enrolment',
  method: 'POST',
  path: '/units/:opd/calendar-feeds',
  tag: 'calendars',
  summary:
    'Create an iCalendar feed of the training sessions of a unit’s staff (the OPD, or one service unit), by NIP, for the unit’s calendar (the URL is shown once)',
  params: { opd: PARAM.opd },
  body: CreateUnitCalendarFeedRequest,
  response: CalendarFeedCreatedSchema,
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  problems: [400],
});
