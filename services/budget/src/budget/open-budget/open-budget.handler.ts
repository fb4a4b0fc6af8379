import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@kompeten/event-store';
import { budgetIdOf } from '../budget.decider';
import { runBudgetCommand } from '../run-budget-command';
import { OpenBudgetCommand } from './open-budget.command';

@CommandHandler(OpenBudgetCommand)
export class OpenBudgetHandler implements ICommandHandler<OpenBudgetCommand> {
  constructor(private readonly store: EventStore) {}

  async execute(c: OpenBudgetCommand) {
    const budgetId = budgetIdOf(c.fiscalYear, c.opd, c.fundingSource);
    const result = await runBudgetCommand(
      this.store,
      budgetId,
      {
        type: 'OpenBudget',
        budgetId,
        fiscalYear: c.fiscalYear,
        opd: c.opd,
        fundingSource: c.fundingSource,
        ceiling: c.ceiling,
      },
      c.metadata,
    );
    return { budgetId, result };
  }
}
