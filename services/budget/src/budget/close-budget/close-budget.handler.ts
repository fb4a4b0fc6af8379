import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@kompeten/event-store';
import { runBudgetCommand } from '../run-budget-command';
import { CloseBudgetCommand } from './close-budget.command';

@CommandHandler(CloseBudgetCommand)
export class CloseBudgetHandler implements ICommandHandler<CloseBudgetCommand> {
  constructor(private readonly store: EventStore) {}

  execute(c: CloseBudgetCommand) {
    return runBudgetCommand(this.store, c.budgetId, { type: 'CloseBudget' }, c.metadata, c.expectedVersion);
  }
}
