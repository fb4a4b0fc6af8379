import { eventTopic } from '@kompeten/contracts';
import { EventConsumer, MessagingWorker, ProjectionRunner } from '@kompeten/messaging';
import { type Clock, SystemClock, type WorkerContext } from '@kompeten/platform';
import { DEFAULT_FUNDING_WINDOW_CHECK_MS } from './budget.config';
import { FundingWindowWorker } from './budget/decide-funding-window/funding-window.worker';
import { reactToEnrolmentEvent } from './reactions/enrolment-events.reaction';
import { budgetAllocationProjection } from './read-models/budget-allocation.projection';
import { budgetCommitmentProjection } from './read-models/budget-commitment.projection';
import { budgetFundingPolicyProjection } from './read-models/budget-funding-policy.projection';
import { budgetMovementProjection } from './read-models/budget-movement.projection';
import { budgetOverviewProjection } from './read-models/budget-overview.projection';

export const BUDGET_PROJECTIONS = [
  budgetOverviewProjection,
  budgetAllocationProjection,
  budgetCommitmentProjection,
  budgetMovementProjection,
  budgetFundingPolicyProjection,
];

/** The saga's consumer: one name and group for every replica, so each enrolment event is handled once. */
export const ENROLMENT_EVENTS_CONSUMER = {
  name: 'budget.enrolment-events',
  groupId: 'kompeten-budget.enrolment-events',
};

/**
 * The budget service's background work: its read models, its half of the enrolment ↔ budget saga,
 * and the funding-window worker (by-need budgets, on the city's calendar).
 */
export function budgetWorkers(
  { dataSource, store, kafka, upcasters, calendar }: WorkerContext,
  clock: Clock = new SystemClock(),
  fundingWindowCheckMs = DEFAULT_FUNDING_WINDOW_CHECK_MS,
): MessagingWorker[] {
  return [
    ...BUDGET_PROJECTIONS.map((projection) => new ProjectionRunner({ dataSource, store, projection })),
    new EventConsumer({
      dataSource,
      kafka,
      upcasters,
      ...ENROLMENT_EVENTS_CONSUMER,
      topics: [eventTopic('enrolment')],
      handle: reactToEnrolmentEvent(store, calendar),
      // Programmes land on different partitions; several at once share one budget only through its
      // stream version, so parallel partitions are safe and conflicts are decided again.
      partitionsConsumedConcurrently: 3,
    }),
    new FundingWindowWorker({ dataSource, store, clock, calendar, everyMs: fundingWindowCheckMs }),
  ];
}
