import { ASSESSMENT_EVENTS } from './assessment/assessment.events';
import { BUDGET_EVENTS } from './budget/budget.events';
import { CERTIFICATE_EVENTS } from './enrolment/certificate.events';
import { FUNDING_EVENTS } from './budget/funding.events';
import { EXTERNAL_LEARNING_EVENTS } from './enrolment/external-learning.events';
import { LEARNING_PLATFORM_EVENTS } from './enrolment/learning-platform.events';
import { PROGRAMME_EVENTS } from './enrolment/programme.events';
import { PLANNING_EVENTS } from './enrolment/planning.events';
import { RELEASE_EVENTS } from './enrolment/release.events';
import { STAFF_EVENTS } from './enrolment/staff.events';
import { TRAINING_CALENDAR_EVENTS } from './enrolment/training-calendar.events';
import type { EventContract } from './event-contract';
import { FEEDBACK_EVENTS } from './feedback/feedback.events';
import { PERSONAL_DATA_EVENTS } from './personal-data/personal-data.events';

/** Every event type of every service, with its current version and upcasters: what readers open events with. */
export const EVENT_CONTRACTS: readonly EventContract[] = [
  ...STAFF_EVENTS,
  ...PROGRAMME_EVENTS,
  ...RELEASE_EVENTS,
  ...TRAINING_CALENDAR_EVENTS,
  ...PLANNING_EVENTS,
  ...EXTERNAL_LEARNING_EVENTS,
  ...LEARNING_PLATFORM_EVENTS,
  ...CERTIFICATE_EVENTS,
  ...ASSESSMENT_EVENTS,
  ...BUDGET_EVENTS,
  ...FUNDING_EVENTS,
  ...FEEDBACK_EVENTS,
  ...PERSONAL_DATA_EVENTS,
];
