import { DataSource } from 'typeorm';
import type { AllocationTarget } from '@kompeten/contracts';
import { accepted, allocateFunds } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { budgetStreamId } from '../budget.decider';
import { runBudgetCommand } from '../run-budget-command';

/** Allocates part of the ceiling to a programme or a competency area (the request names exactly one). */
@Handles(allocateFunds)
export class AllocateFundsHandler implements UseCaseHandler<typeof allocateFunds> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

  async handle({ params: { budgetId }, body, metadata }: UseCaseRequest<typeof allocateFunds>) {
    const target: AllocationTarget =
      body.programmeId !== undefined
        ? { kind: 'programme', programmeId: body.programmeId }
        : { kind: 'competency-area', competencyArea: body.competencyArea! };
    const result = await runBudgetCommand(
      this.store,
      this.db,
      budgetId,
      { type: 'AllocateFunds', target, amount: body.amount },
      metadata,
    );
    return accepted(budgetStreamId(budgetId), result);
  }
}
