import { CreateStaffCompetencyGap1765000000000 } from './1765000000000-create-staff-competency-gap';
import { CreateCalendarFeeds1766000000000 } from './1766000000000-create-calendar-feeds';
import { CreatePlanningInputs1767000000000 } from './1767000000000-create-planning-inputs';

/** The enrolment service's own tables (not read-model projections), after the event store's and messaging's. */
export const enrolmentMigrations = [
  CreateStaffCompetencyGap1765000000000,
  CreateCalendarFeeds1766000000000,
  CreatePlanningInputs1767000000000,
];
