import { DataSource } from 'typeorm';
import { accepted, reviseAllocation } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { budgetStreamId } from '../budget.decider';
import { runBudgetCommand } from '../run-budget-command';

/** Revises an allocation's amount (honours If-Match). */
@Handles(reviseAllocation)
export class ReviseAllocationHandler implements UseCaseHandler<typeof reviseAllocation> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

  async handle({
    params: { budgetId, allocationId },
    body: { amount },
    metadata,
    expectedVersion,
  }: UseCaseRequest<typeof reviseAllocation>) {
    const result = await runBudgetCommand(
      this.store,
      this.db,
      budgetId,
      { type: 'ReviseAllocation', allocationId, amount },
      metadata,
      expectedVersion,
    );
    return accepted(budgetStreamId(budgetId), result);
  }
}
