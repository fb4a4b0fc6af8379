import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@kompeten/event-store';
import { runBudgetCommand } from '../run-budget-command';
import { AllocateFundsCommand } from './allocate-funds.command';

@CommandHandler(AllocateFundsCommand)
export class AllocateFundsHandler implements ICommandHandler<AllocateFundsCommand> {
  constructor(private readonly store: EventStore) {}

  execute(c: AllocateFundsCommand) {
    return runBudgetCommand(
      this.store,
      c.budgetId,
      { type: 'AllocateFunds', target: c.target, amount: c.amount },
      c.metadata,
    );
  }
}
