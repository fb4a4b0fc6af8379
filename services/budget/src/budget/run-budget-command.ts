import { EventMetadata, EventStore, handleCommand } from '@kompeten/event-store';
import type { BudgetCommand } from './budget.commands';
import { budgetDecider, budgetStreamId } from './budget.decider';

/** Every budget use case over HTTP ends here: load the budget stream, decide, append (409 on a stale If-Match). */
export const runBudgetCommand = (
  store: EventStore,
  budgetId: string,
  command: BudgetCommand,
  metadata: EventMetadata,
  expectedVersion?: number,
) => handleCommand(store, budgetDecider, budgetStreamId(budgetId), command, metadata, { expectedVersion, retries: 20 });
