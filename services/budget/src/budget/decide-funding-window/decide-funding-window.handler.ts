import { DataSource } from 'typeorm';
import { decideFundingWindow, type ResponseOf } from '@kompeten/api';
import type { FundingWindowDecided } from '@kompeten/contracts';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { budgetIdOf, budgetStreamId } from '../budget.decider';
import { readBudget } from '../read-budget';
import { runBudgetCommand } from '../run-budget-command';
import { SCORE_VERSION } from '../funding-priority';

/**
 * Decides a funding window on demand (the worker decides due ones on its own): 200 with the window's
 * decisions — those just made, or those recorded when the day was decided before (no new events).
 */
@Handles(decideFundingWindow)
export class DecideFundingWindowHandler implements UseCaseHandler<typeof decideFundingWindow> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({
    params: { opd },
    body,
    metadata,
  }: UseCaseRequest<typeof decideFundingWindow>): Promise<ResponseOf<typeof decideFundingWindow>> {
    const today = this.calendar.dateOf(this.clock.now());
    const decisionDay = body.decisionDay ?? today;
    const budgetId = budgetIdOf(body.fiscalYear, opd, body.fundingSource ?? 'APBD');
    const result = await runBudgetCommand(
      this.store,
      this.db,
      budgetId,
      { type: 'DecideFundingWindow', decisionDay, today },
      metadata,
    );
    const now = result.events.find((e) => e.type === 'FundingWindowDecided')?.data as
      FundingWindowDecided['data'] | undefined;
    const window = now ?? (await readBudget(this.store, budgetId)).state.windows[decisionDay];
    return {
      budgetId,
      streamId: budgetStreamId(budgetId),
      version: result.version,
      events: result.events.map((e) => e.type),
      decisionDay,
      decidedOn: window?.decidedOn ?? null,
      scoreVersion: window?.scoreVersion ?? SCORE_VERSION,
      decisions: window?.decisions ?? [],
    };
  }
}
