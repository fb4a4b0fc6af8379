import { eventTopic } from '@kompeten/contracts';
import { EventConsumer, MessagingWorker, ProjectionRunner } from '@kompeten/messaging';
import type { WorkerContext } from '@kompeten/platform';
import { reactToEnrolmentEvent } from './reactions/enrolment-events.reaction';
import { budgetAllocationProjection } from './read-models/budget-allocation.projection';
import { budgetCommitmentProjection } from './read-models/budget-commitment.projection';
import { budgetMovementProjection } from './read-models/budget-movement.projection';
import { budgetOverviewProjection } from './read-models/budget-overview.projection';

export const BUDGET_PROJECTIONS = [
  budgetOverviewProjection,
  budgetAllocationProjection,
  budgetCommitmentProjection,
  budgetMovementProjection,
];

/** The saga's consumer: one name and group for every replica, so each enrolment event is handled once. */
export const ENROLMENT_EVENTS_CONSUMER = {
  name: 'budget.enrolment-events',
  groupId: 'kompeten-budget.enrolment-events',
};

/** The budget service's background work: its read models, and its half of the enrolment ↔ budget saga. */
export function budgetWorkers({ dataSource, store, kafka, upcasters }: WorkerContext): MessagingWorker[] {
  return [
    ...BUDGET_PROJECTIONS.map((projection) => new ProjectionRunner({ dataSource, store, projection })),
    new EventConsumer({
      dataSource,
      kafka,
      upcasters,
      ...ENROLMENT_EVENTS_CONSUMER,
      topics: [eventTopic('enrolment')],
      handle: reactToEnrolmentEvent(store),
      // Programmes land on different partitions; several at once share one budget only through its
      // stream version, so parallel partitions are safe and conflicts are decided again.
      partitionsConsumedConcurrently: 3,
    }),
  ];
}
