import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@kompeten/event-store';
import { runBudgetCommand } from '../run-budget-command';
import { ReviseAllocationCommand } from './revise-allocation.command';

@CommandHandler(ReviseAllocationCommand)
export class ReviseAllocationHandler implements ICommandHandler<ReviseAllocationCommand> {
  constructor(private readonly store: EventStore) {}

  execute(c: ReviseAllocationCommand) {
    return runBudgetCommand(
      this.store,
      c.budgetId,
      { type: 'ReviseAllocation', allocationId: c.allocationId, amount: c.amount },
      c.metadata,
      c.expectedVersion,
    );
  }
}
