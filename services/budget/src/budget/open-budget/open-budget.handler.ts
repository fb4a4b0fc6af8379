import { DataSource } from 'typeorm';
import { accepted, openBudget } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { budgetIdOf, budgetStreamId } from '../budget.decider';
import { runBudgetCommand } from '../run-budget-command';

/** Opens a fiscal-year budget for a unit and funding source; its id is made of the three. */
@Handles(openBudget)
export class OpenBudgetHandler implements UseCaseHandler<typeof openBudget> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({
    body: { fiscalYear, opd, fundingSource, ceiling },
    metadata,
    res,
  }: UseCaseRequest<typeof openBudget>) {
    const budgetId = budgetIdOf(fiscalYear, opd, fundingSource);
    const result = await runBudgetCommand(
      this.store,
      this.db,
      budgetId,
      {
        type: 'OpenBudget',
        budgetId,
        fiscalYear,
        opd,
        fundingSource,
        ceiling,
        thisYear: this.calendar.fiscalYearAt(this.clock.now()),
      },
      metadata,
    );
    res.setHeader('Location', `/budgets/${budgetId}`);
    return { budgetId, ...accepted(budgetStreamId(budgetId), result) };
  }
}
