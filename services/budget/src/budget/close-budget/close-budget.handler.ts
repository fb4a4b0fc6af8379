import { DataSource } from 'typeorm';
import { accepted, closeBudget } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { budgetStreamId } from '../budget.decider';
import { runBudgetCommand } from '../run-budget-command';

/** Closes the fiscal year: open commitments lapse, then the budget closes (honours If-Match). */
@Handles(closeBudget)
export class CloseBudgetHandler implements UseCaseHandler<typeof closeBudget> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

  async handle({ params: { budgetId }, metadata, expectedVersion }: UseCaseRequest<typeof closeBudget>) {
    const result = await runBudgetCommand(
      this.store,
      this.db,
      budgetId,
      { type: 'CloseBudget' },
      metadata,
      expectedVersion,
    );
    return accepted(budgetStreamId(budgetId), result);
  }
}
