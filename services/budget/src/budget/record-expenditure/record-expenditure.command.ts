import type { EventMetadata } from '@kompeten/event-store';

export class RecordExpenditureCommand {
  constructor(
    readonly budgetId: string,
    readonly commitmentId: string,
    readonly amount: number,
    readonly jp: number,
    readonly metadata: EventMetadata,
  ) {}
}
