import { DataSource } from 'typeorm';
import { accepted, setFundingPolicy } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { budgetIdOf, budgetStreamId } from '../budget.decider';
import { runBudgetCommand } from '../run-budget-command';

/** Sets how the unit's budget decides funds requests; by-need windows start today unless told otherwise. */
@Handles(setFundingPolicy)
export class SetFundingPolicyHandler implements UseCaseHandler<typeof setFundingPolicy> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { opd }, body, metadata }: UseCaseRequest<typeof setFundingPolicy>) {
    const today = this.calendar.dateOf(this.clock.now());
    const budgetId = budgetIdOf(body.fiscalYear, opd, body.fundingSource ?? 'APBD');
    const byNeed = body.mode === 'by-need';
    const result = await runBudgetCommand(
      this.store,
      this.db,
      budgetId,
      {
        type: 'SetFundingPolicy',
        mode: body.mode,
        windowDays: byNeed ? (body.windowDays ?? null) : null,
        windowsFrom: byNeed ? (body.windowsFrom ?? today) : null,
        today,
      },
      metadata,
    );
    return accepted(budgetStreamId(budgetId), result);
  }
}
