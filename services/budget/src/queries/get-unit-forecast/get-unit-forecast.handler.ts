import { DataSource } from 'typeorm';
import { getUnitForecast, type ResponseOf } from '@kompeten/api';
import { CityCalendar, DomainError, fiscalYearOf } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { usage } from '../money';
import { forecastRunOut } from './forecast';

/** The unit's open budgets summed (sums are null when it has none). */
interface UnitRow {
  budgets: number;
  allocated: string | null;
  committed: string | null;
  spent: string | null;
  /** Null only when budgets is 0, which is refused before it is read. */
  opened_at: Date;
}

/** The unit's open budgets of the year: what is free now, and when it runs out at the recent rate. */
@Handles(getUnitForecast)
export class GetUnitForecastHandler implements UseCaseHandler<typeof getUnitForecast> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { opd }, query }: UseCaseRequest<typeof getUnitForecast>): Promise<UnitForecastView> {
    const now = this.clock.now();
    // The city's today and year: the run-out date is a date in the city, like the fiscal year's end.
    const today = this.calendar.dateOf(now);
    const fiscalYear = query.fiscalYear ?? fiscalYearOf(today);
    const windowDays = query.windowDays ?? 30;
    const [unit] = await this.db.query<UnitRow[]>(
      `select count(*)::int as budgets, sum(allocated) as allocated, sum(committed) as committed, sum(spent) as spent, min(opened_at) as opened_at
         from budget_overview where opd = $1 and fiscal_year = $2 and status = 'open'`,
      [opd, fiscalYear],
    );
    if (!unit.budgets)
      throw DomainError.notFound('budget-not-found', 'No open budget', `${opd} has no open budget for ${fiscalYear}`);
    const since = new Date(now.getTime() - windowDays * 86_400_000);
    const [taken] = await this.db.query<{ taken: string }[]>(
      `select coalesce(sum(m.taken), 0) as taken from budget_movement m join budget_overview b using (budget_id)
        where b.opd = $1 and b.fiscal_year = $2 and b.status = 'open' and m.occurred_at > $3 and m.occurred_at <= $4`,
      [opd, fiscalYear, since, now],
    );
    const money = usage(unit);
    return {
      opd,
      fiscalYear,
      asOf: now.toISOString(),
      budgets: unit.budgets,
      ...money,
      forecast: forecastRunOut({
        free: money.free,
        takenInWindow: Number(taken.taken),
        windowDays,
        now,
        today,
        openedAt: new Date(unit.opened_at),
        fiscalYear,
      }),
    };
  }
}

/** What GET /units/:opd/forecast answers. */
export type UnitForecastView = ResponseOf<typeof getUnitForecast>;
