import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@kompeten/event-store';
import { runBudgetCommand } from '../run-budget-command';
import { RecordExpenditureCommand } from './record-expenditure.command';

@CommandHandler(RecordExpenditureCommand)
export class RecordExpenditureHandler implements ICommandHandler<RecordExpenditureCommand> {
  constructor(private readonly store: EventStore) {}

  execute(c: RecordExpenditureCommand) {
    return runBudgetCommand(
      this.store,
      c.budgetId,
      { type: 'RecordExpenditure', commitmentId: c.commitmentId, amount: c.amount, jp: c.jp },
      c.metadata,
    );
  }
}
