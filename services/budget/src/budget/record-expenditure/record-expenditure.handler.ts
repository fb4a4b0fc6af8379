import { DataSource } from 'typeorm';
import { accepted, recordExpenditure } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { budgetStreamId } from '../budget.decider';
import { runBudgetCommand } from '../run-budget-command';

/** Records the actual cost of one commitment by hand. */
@Handles(recordExpenditure)
export class RecordExpenditureHandler implements UseCaseHandler<typeof recordExpenditure> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

  async handle({
    params: { budgetId, commitmentId },
    body: { amount, jp },
    metadata,
  }: UseCaseRequest<typeof recordExpenditure>) {
    const result = await runBudgetCommand(
      this.store,
      this.db,
      budgetId,
      { type: 'RecordExpenditure', commitmentId, amount, jp },
      metadata,
    );
    return accepted(budgetStreamId(budgetId), result);
  }
}
