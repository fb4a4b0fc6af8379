import { eventTopic, EventProducingService } from '@kompeten/contracts';
import { EventConsumer, EventHandler, MessagingWorker, ProjectionRunner } from '@kompeten/messaging';
import type { WorkerContext } from '@kompeten/platform';
import { serviceUnitsProjection } from './read-models/service-units.projection';
import { surveyPeriodClosuresProjection } from './read-models/survey-period-closures.projection';
import { surveyResponsesProjection } from './read-models/survey-responses.projection';
import { applyAssessmentResult, ASSESSMENT_RESULT_EVENTS } from './training-history/assessment-results.consumer';
import { applyStaffTraining, STAFF_TRAINING_EVENTS } from './training-history/staff-training.consumer';
import { applyTrainingSpend, TRAINING_SPEND_EVENTS } from './training-history/training-spend.consumer';

export const FEEDBACK_PROJECTIONS = [serviceUnitsProjection, surveyResponsesProjection, surveyPeriodClosuresProjection];

/** The foreign read models: one consumer per topic, each with a fixed name and group shared by every replica. */
const FOREIGN: { name: string; from: EventProducingService; eventTypes: string[]; handle: EventHandler }[] = [
  { name: 'staff-training', from: 'enrolment', eventTypes: STAFF_TRAINING_EVENTS, handle: applyStaffTraining },
  {
    name: 'assessment-results',
    from: 'assessment',
    eventTypes: ASSESSMENT_RESULT_EVENTS,
    handle: applyAssessmentResult,
  },
  { name: 'training-spend', from: 'budget', eventTypes: TRAINING_SPEND_EVENTS, handle: applyTrainingSpend },
];

/** The feedback service's background work: its own read models, and its copy of the staff's training history. */
export function feedbackWorkers({ dataSource, store, kafka }: WorkerContext): MessagingWorker[] {
  return [
    ...FEEDBACK_PROJECTIONS.map((projection) => new ProjectionRunner({ dataSource, store, projection })),
    ...FOREIGN.map(
      (c) =>
        new EventConsumer({
          dataSource,
          kafka,
          name: `feedback.${c.name}`,
          groupId: `kompeten-feedback.${c.name}`,
          // Pure read models (they append nothing): a batch per transaction keeps up with a busy topic.
          topics: [eventTopic(c.from)],
          eventTypes: c.eventTypes,
          handle: c.handle,
          applyInBatches: true,
        }),
    ),
  ];
}
