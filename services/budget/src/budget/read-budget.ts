import type { BudgetEvent } from '@kompeten/contracts';
import { type EventStore, fold } from '@kompeten/event-store';
import { budgetDecider, budgetStreamId } from './budget.decider';
import type { BudgetState } from './budget.state';

/** A budget's state folded from its whole stream (for answers that must match the log, not a read model). */
export async function readBudget(
  store: EventStore,
  budgetId: string,
): Promise<{ state: BudgetState; version: number }> {
  const events = await store.readStream<BudgetEvent>(budgetStreamId(budgetId));
  return {
    state: fold(
      budgetDecider,
      events.map(({ type, data }) => ({ type, data }) as BudgetEvent),
    ),
    version: events.length ? events[events.length - 1].streamVersion : 0,
  };
}
