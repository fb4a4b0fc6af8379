import { listFundingDecisions } from '@kompeten/api';
import { CityCalendar, DomainError, fiscalYearOf } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { budgetIdOf } from '../../budget/budget.decider';
import { readBudget } from '../../budget/read-budget';
import { type FundingDecisionsView, fundingDecisionsView } from './funding-decisions.view';

/**
 * The unit's funding by need: read from the budget's log, not a read model, so a decision just made
 * is always there (a budget's stream is one year of one unit's money: small enough to fold per request).
 */
@Handles(listFundingDecisions)
export class ListFundingDecisionsHandler implements UseCaseHandler<typeof listFundingDecisions> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { opd }, query }: UseCaseRequest<typeof listFundingDecisions>): Promise<FundingDecisionsView> {
    const today = this.calendar.dateOf(this.clock.now());
    const budgetId = budgetIdOf(query.fiscalYear ?? fiscalYearOf(today), opd, query.fundingSource ?? 'APBD');
    const { state } = await readBudget(this.store, budgetId);
    if (state.status === 'unknown')
      throw DomainError.notFound('budget-not-found', 'Unknown budget', `${opd} has no budget ${budgetId}`);
    return fundingDecisionsView(state, today);
  }
}
