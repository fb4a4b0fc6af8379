import { DataSource } from 'typeorm';
import type { FundingSource } from '@kompeten/contracts';
import { getUtilisation, type ResponseOf } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { rupiah, usage } from '../money';

// A programme can be paid from its own allocation or from its competency area's: "allocated" and
// "free" count its own allocations only, "committed" and "spent" count every commitment for it.
const BY_PROGRAMME = `
  with own as (
    select a.programme_id, sum(a.amount) as allocated, sum(a.amount - a.committed - a.spent) as free
      from budget_allocation a join budget_overview b using (budget_id)
     where a.target_kind = 'programme' and b.fiscal_year = $1 and ($2::text is null or b.opd = $2) group by a.programme_id),
  used as (
    select c.programme_id, sum(c.amount) filter (where c.status = 'committed') as committed, sum(c.spent) filter (where c.status = 'spent') as spent
      from budget_commitment c join budget_overview b using (budget_id)
     where b.fiscal_year = $1 and ($2::text is null or b.opd = $2) group by c.programme_id)
  select programme_id as key, own.allocated, own.free, used.committed, used.spent from own full join used using (programme_id) order by programme_id`;

/** Money sums are numeric, which pg returns as strings (null when nothing was summed). */
interface ProgrammeRow {
  key: string;
  allocated: string | null;
  free: string | null;
  committed: string | null;
  spent: string | null;
}
/** Budgets grouped by a column of budget_overview: the unit (opd) or the funding source. */
interface BudgetGroupRow<K extends string = string> {
  key: K;
  ceiling: string;
  allocated: string;
  committed: string;
  spent: string;
  budgets: number;
}

/** Allocated, committed, spent and free money per unit, funding source or programme, for a year. */
@Handles(getUtilisation)
export class GetUtilisationHandler implements UseCaseHandler<typeof getUtilisation> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ query }: UseCaseRequest<typeof getUtilisation>): Promise<UtilisationView> {
    // "This year" is the city's: on New Year's morning in WIB it is already the new fiscal year.
    const fiscalYear = query.fiscalYear ?? this.calendar.fiscalYearAt(this.clock.now());
    const opd = query.opd ?? null;
    const params = [fiscalYear, opd];
    switch (query.by ?? 'unit') {
      case 'programme': {
        const rows = await this.db.query<ProgrammeRow[]>(BY_PROGRAMME, params);
        return {
          fiscalYear,
          by: 'programme',
          opd,
          rows: rows.map((r) => ({ programmeId: r.key, ...usage(r), free: rupiah(r.free) })),
        };
      }
      case 'funding-source': {
        const rows = await this.budgetGroups<FundingSource>('funding_source', params);
        return {
          fiscalYear,
          by: 'funding-source',
          opd,
          rows: rows.map((r) => ({ fundingSource: r.key, ...budgetGroup(r) })),
        };
      }
      case 'unit': {
        const rows = await this.budgetGroups('opd', params);
        return { fiscalYear, by: 'unit', opd, rows: rows.map((r) => ({ opd: r.key, ...budgetGroup(r) })) };
      }
    }
  }

  private budgetGroups<K extends string>(column: 'opd' | 'funding_source', params: unknown[]) {
    return this.db.query<BudgetGroupRow<K>[]>(
      `select ${column} as key, sum(ceiling) as ceiling, sum(allocated) as allocated, sum(committed) as committed, sum(spent) as spent, count(*)::int as budgets
         from budget_overview where fiscal_year = $1 and ($2::text is null or opd = $2) group by ${column} order by ${column}`,
      params,
    );
  }
}

/** A group of budgets: their count, ceilings, what is unallocated and the money's use. */
const budgetGroup = (r: BudgetGroupRow) => ({
  budgets: r.budgets,
  ceiling: rupiah(r.ceiling),
  unallocated: rupiah(r.ceiling) - rupiah(r.allocated),
  ...usage(r),
});

/** What GET /utilisation answers (its rows' shape follows `by`). */
export type UtilisationView = ResponseOf<typeof getUtilisation>;
