import { eventTopic } from '@kompeten/contracts';
import { EventConsumer, MessagingWorker, ProjectionRunner } from '@kompeten/messaging';
import type { WorkerContext } from '@kompeten/platform';
import { enrolmentHistoryProjection } from './read-models/enrolment-history.projection';
import { programmeCatalogueProjection } from './read-models/programme-catalogue.projection';
import { staffRosterProjection } from './read-models/staff-roster.projection';
import { reactToBudgetAnswer } from './reactions/budget-answers.reaction';

export const ENROLMENT_PROJECTIONS = [staffRosterProjection, programmeCatalogueProjection, enrolmentHistoryProjection];

/** The enrolment service's background work: its read models, and its half of the budget saga. */
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
  ];
}
