import { CreateStaffCompetencyGap1765000000000 } from './1765000000000-create-staff-competency-gap';
import { CreateCalendarFeeds1766000000000 } from './1766000000000-create-calendar-feeds';

/** The enrolment service's own tables (not read-model projections), after the event store's and messaging's. */
export const enrolmentMigrations = [CreateStaffCompetencyGap1765000000000, CreateCalendarFeeds1766000000000];
