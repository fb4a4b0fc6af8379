import type { DataSource } from 'typeorm';
import type { EventMetadata, EventStore, HandleResult } from '@kompeten/event-store';
import { inTransaction } from '@kompeten/messaging';
import type { BudgetEvent } from '@kompeten/contracts';
import { appendDecision, readBudgets } from '../reactions/budget-streams';
import type { BudgetCommand } from './budget.commands';
import { budgetDecider, budgetStreamId } from './budget.decider';

/**
 * Every budget use case over HTTP ends here: in one transaction, read the budget stream, decide,
 * append (409 on a stale If-Match), and index what the decision committed — an allocation or a
 * release can commit money to waiting requests, and a later withdrawal must find those commitments.
 */
export const runBudgetCommand = (
  store: EventStore,
  db: DataSource,
  budgetId: string,
  command: BudgetCommand,
  metadata: EventMetadata,
  expectedVersion?: number,
): Promise<HandleResult<BudgetEvent>> =>
  inTransaction(db, async (tx) => {
    const streamId = budgetStreamId(budgetId);
    let version = 0;
    const events = await appendDecision(
      store,
      tx,
      metadata,
      async () => {
        const candidate = (await readBudgets(store, tx, [streamId])).get(streamId)!;
        version = candidate.version;
        return { candidate, events: budgetDecider.decide(command, candidate.state) };
      },
      expectedVersion,
    );
    return { events, version: events.length ? events[events.length - 1].streamVersion : version };
  });
