import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainProblem } from '@kompeten/platform';
import { usage } from '../money';
import { forecastRunOut } from './forecast';
import { GetUnitForecastQuery } from './get-unit-forecast.query';

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
@QueryHandler(GetUnitForecastQuery)
export class GetUnitForecastHandler implements IQueryHandler<GetUnitForecastQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ opd, fiscalYear, windowDays, now }: GetUnitForecastQuery) {
    const [unit] = await this.db.query<UnitRow[]>(
      `select count(*)::int as budgets, sum(allocated) as allocated, sum(committed) as committed, sum(spent) as spent, min(opened_at) as opened_at
         from budget_overview where opd = $1 and fiscal_year = $2 and status = 'open'`,
      [opd, fiscalYear],
    );
    if (!unit.budgets)
      throw new DomainProblem(404, 'budget-not-found', 'No open budget', `${opd} has no open budget for ${fiscalYear}`);
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
        openedAt: new Date(unit.opened_at),
        fiscalYear,
      }),
    };
  }
}
