import type { AllocationTarget } from '@kompeten/contracts';
import type { EventMetadata } from '@kompeten/event-store';

export class AllocateFundsCommand {
  constructor(
    readonly budgetId: string,
    readonly target: AllocationTarget,
    readonly amount: number,
    readonly metadata: EventMetadata,
  ) {}
}
