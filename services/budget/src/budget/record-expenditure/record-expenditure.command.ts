import { Command } from '@nestjs/cqrs';
import type { BudgetEvent } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class RecordExpenditureCommand extends Command<HandleResult<BudgetEvent>> {
  constructor(
    readonly budgetId: string,
    readonly commitmentId: string,
    readonly amount: number,
    readonly jp: number,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
