import type { FundingSource } from '@kompeten/contracts';
import type { EventMetadata } from '@kompeten/event-store';

export class OpenBudgetCommand {
  constructor(
    readonly fiscalYear: number,
    readonly opd: string,
    readonly fundingSource: FundingSource,
    readonly ceiling: number,
    readonly metadata: EventMetadata,
  ) {}
}
