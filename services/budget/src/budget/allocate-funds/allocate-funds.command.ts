import { Command } from '@nestjs/cqrs';
import type { AllocationTarget, BudgetEvent } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class AllocateFundsCommand extends Command<HandleResult<BudgetEvent>> {
  constructor(
    readonly budgetId: string,
    readonly target: AllocationTarget,
    readonly amount: number,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
