import type { EventMetadata } from '@kompeten/event-store';

export class CloseBudgetCommand {
  constructor(
    readonly budgetId: string,
    readonly metadata: EventMetadata,
    readonly expectedVersion?: number,
  ) {}
}
