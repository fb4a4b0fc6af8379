import { Command } from '@nestjs/cqrs';
import type { BudgetEvent } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class ReviseAllocationCommand extends Command<HandleResult<BudgetEvent>> {
  constructor(
    readonly budgetId: string,
    readonly allocationId: string,
    readonly amount: number,
    readonly metadata: EventMetadata,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
