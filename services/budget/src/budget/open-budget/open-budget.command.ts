import { Command } from '@nestjs/cqrs';
import type { BudgetEvent, FundingSource } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class OpenBudgetCommand extends Command<{ budgetId: string; result: HandleResult<BudgetEvent> }> {
  constructor(
    readonly fiscalYear: number,
    readonly opd: string,
    readonly fundingSource: FundingSource,
    readonly ceiling: number,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
