import { eventTopic, EventProducingService } from '@kompeten/contracts';
import { CityCalendar } from '@kompeten/domain';
import { EventConsumer, EventHandler, MessagingWorker, ProjectionRunner } from '@kompeten/messaging';
import type { WorkerContext } from '@kompeten/platform';
import { serviceUnitsProjection } from './read-models/service-units.projection';
import { surveyPeriodClosuresProjection } from './read-models/survey-period-closures.projection';
import { surveyResponsesProjection } from './read-models/survey-responses.projection';
import { applyAssessmentResult } from './training-history/assessment-results.consumer';
import { applyStaffTraining } from './training-history/staff-training.consumer';
import { applyTrainingSpend } from './training-history/training-spend.consumer';

export const FEEDBACK_PROJECTIONS = [serviceUnitsProjection, surveyResponsesProjection, surveyPeriodClosuresProjection];

/**
 * The foreign read models: one consumer per topic, each with a fixed name and group shared by every
 * replica. Dates they derive from an event's instant are the city's (`calendar`).
 */
export const foreignReadModels = (
  calendar: CityCalendar,
): { name: string; from: EventProducingService; handle: EventHandler }[] => [
  { name: 'staff-training', from: 'enrolment', handle: applyStaffTraining },
  { name: 'assessment-results', from: 'assessment', handle: applyAssessmentResult },
  { name: 'training-spend', from: 'budget', handle: applyTrainingSpend(calendar) },
];

/**
 * The feedback service's background work: its own read models, and its copy of the staff's training
 * history. `calendar` is the city's (FeedbackModule builds it from CITY_TIME_ZONE).
 */
export function feedbackWorkers(
  { dataSource, store, kafka, upcasters }: WorkerContext,
  calendar: CityCalendar = new CityCalendar(),
): MessagingWorker[] {
  return [
    ...FEEDBACK_PROJECTIONS.map((projection) => new ProjectionRunner({ dataSource, store, projection })),
    ...foreignReadModels(calendar).map(
      (c) =>
        new EventConsumer({
          dataSource,
          kafka,
          upcasters,
          name: `feedback.${c.name}`,
          groupId: `kompeten-feedback.${c.name}`,
          // Pure read models (they append nothing): a batch per transaction keeps up with a busy topic.
          topics: [eventTopic(c.from)],
          handle: c.handle,
          applyInBatches: true,
        }),
    ),
  ];
}
