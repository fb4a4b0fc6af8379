import { eventTopic } from '@kompeten/contracts';
import { CityCalendar } from '@kompeten/domain';
import { EventConsumer, MessagingWorker, ProjectionRunner } from '@kompeten/messaging';
import type { Clock, WorkerContext } from '@kompeten/platform';
import type { AssessmentPolicy } from './assessment.policy';
import { CertificationExpiryWorker } from './assessment-record/expire-certifications/certification-expiry.worker';
import { reactToEnrolmentEvent } from './reactions/enrolment-events.reaction';
import { assessmentsProjection } from './read-models/assessments.projection';
import { certificationsProjection } from './read-models/certifications.projection';
import { competencyDictionaryProjection } from './read-models/competency-dictionary.projection';
import { positionStandardProjection } from './read-models/position-standard.projection';
import { applyToStaffRoster } from './read-models/staff-roster.consumer';

export const ASSESSMENT_PROJECTIONS = [
  competencyDictionaryProjection,
  positionStandardProjection,
  assessmentsProjection,
  certificationsProjection,
];

/**
 * The assessment service's background work: its read models, its copy of the roster, the enrolment
 * reactions and the expiry check. `calendar` is the city's (AssessmentModule builds it from CITY_TIME_ZONE).
 */
export function assessmentWorkers(
  { dataSource, store, kafka, upcasters }: WorkerContext,
  policy: AssessmentPolicy,
  clock: Clock,
  calendar: CityCalendar = new CityCalendar(),
): MessagingWorker[] {
  const enrolmentTopic = eventTopic('enrolment');
  return [
    ...ASSESSMENT_PROJECTIONS.map((projection) => new ProjectionRunner({ dataSource, store, projection })),
    new EventConsumer({
      dataSource,
      kafka,
      upcasters,
      name: 'assessment.staff-roster',
      groupId: 'kompeten-assessment.staff-roster',
      topics: [enrolmentTopic],
      handle: applyToStaffRoster,
      applyInBatches: true,
    }),
    new EventConsumer({
      dataSource,
      kafka,
      upcasters,
      name: 'assessment.enrolment-reactions',
      groupId: 'kompeten-assessment.enrolment-reactions',
      topics: [enrolmentTopic],
      handle: reactToEnrolmentEvent(store, policy, calendar),
    }),
    new CertificationExpiryWorker({ dataSource, store, clock, calendar, everyMs: policy.expiryCheckMs }),
  ];
}
