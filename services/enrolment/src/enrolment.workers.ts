import { eventTopic } from '@kompeten/contracts';
import { EventConsumer, MessagingWorker, ProjectionRunner } from '@kompeten/messaging';
import type { WorkerContext } from '@kompeten/platform';
import { certificateRegisterProjection } from './read-models/certificate-register.projection';
import { enrolmentHistoryProjection } from './read-models/enrolment-history.projection';
import { externalLearningProjection } from './read-models/external-learning.projection';
import { programmeCatalogueProjection } from './read-models/programme-catalogue.projection';
import { releaseReportProjection } from './read-models/release-report.projection';
import { staffRosterProjection } from './read-models/staff-roster.projection';
import { applyToStaffCompetencyGap } from './read-models/staff-competency-gap.consumer';
import { applyToPlanningInputs } from './planning/planning-inputs.consumer';
import { reactToBudgetAnswer } from './reactions/budget-answers.reaction';
import { reactToReleases } from './reactions/release-saga.reaction';
import { reactWithCertificates } from './certificate/issue-certificates.reaction';
import { trainingPlanProjection } from './training-plan/training-plan.projection';
import { learningPlatformProjection } from './learning-platform/learning-platform.projection';

export const ENROLMENT_PROJECTIONS = [
  staffRosterProjection,
  programmeCatalogueProjection,
  enrolmentHistoryProjection,
  releaseReportProjection,
  trainingPlanProjection,
  learningPlatformProjection,
  externalLearningProjection,
  certificateRegisterProjection,
];

/** The enrolment service's background work: its read models, its half of the budget saga, and the release step. */
export function enrolmentWorkers({ dataSource, store, kafka, upcasters, calendar }: WorkerContext): MessagingWorker[] {
  return [
    ...ENROLMENT_PROJECTIONS.map((projection) => new ProjectionRunner({ dataSource, store, projection })),
    new EventConsumer({
      dataSource,
      kafka,
      upcasters,
      name: 'enrolment.budget-answers',
      groupId: 'kompeten-enrolment.budget-answers',
      topics: [eventTopic('budget')],
      handle: reactToBudgetAnswer(store, calendar),
    }),
    // The release step: the unit's calendar and the programme tell each other through the service's own topic.
    new EventConsumer({
      dataSource,
      kafka,
      upcasters,
      name: 'enrolment.releases',
      groupId: 'kompeten-enrolment.releases',
      topics: [eventTopic('enrolment')],
      handle: reactToReleases(store),
    }),
    // Certificates: one for each completion (this service's topic) and each competency certification (assessment's).
    new EventConsumer({
      dataSource,
      kafka,
      upcasters,
      name: 'enrolment.certificates',
      groupId: 'kompeten-enrolment.certificates',
      topics: [eventTopic('enrolment'), eventTopic('assessment')],
      handle: reactWithCertificates(store, calendar),
    }),
    // The roster's "with a competency gap" filter (GET /staff): the assessment service's verdicts, kept here.
    new EventConsumer({
      dataSource,
      kafka,
      upcasters,
      name: 'enrolment.staff-competency-gap',
      groupId: 'kompeten-enrolment.staff-competency-gap',
      topics: [eventTopic('assessment')],
      handle: applyToStaffCompetencyGap,
      applyInBatches: true,
    }),
    // The needs analysis' and by-need funding's inputs: service units' latest IKM, certifications, the competency dictionary.
    new EventConsumer({
      dataSource,
      kafka,
      upcasters,
      name: 'enrolment.planning-inputs',
      groupId: 'kompeten-enrolment.planning-inputs',
      topics: [eventTopic('assessment'), eventTopic('feedback')],
      handle: applyToPlanningInputs,
      applyInBatches: true,
    }),
  ];
}
