import type { EventMetadata } from '@kompeten/event-store';

export class ReviseAllocationCommand {
  constructor(
    readonly budgetId: string,
    readonly allocationId: string,
    readonly amount: number,
    readonly metadata: EventMetadata,
    readonly expectedVersion?: number,
  ) {}
}
