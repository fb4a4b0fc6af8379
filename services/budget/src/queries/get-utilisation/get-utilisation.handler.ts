import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { rupiah, usage } from '../money';
import { GetUtilisationQuery } from './get-utilisation.query';

const BUDGET_COLUMN = { unit: 'opd', 'funding-source': 'funding_source' } as const;

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
interface BudgetGroupRow {
  key: string;
  ceiling: string;
  allocated: string;
  committed: string;
  spent: string;
  budgets: number;
}

/** Allocated, committed, spent and free money per unit, funding source or programme, for a year. */
@QueryHandler(GetUtilisationQuery)
export class GetUtilisationHandler implements IQueryHandler<GetUtilisationQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ fiscalYear, by, opd }: GetUtilisationQuery) {
    const params = [fiscalYear, opd ?? null];
    if (by === 'programme') {
      const rows = await this.db.query<ProgrammeRow[]>(BY_PROGRAMME, params);
      return {
        fiscalYear,
        by,
        opd: opd ?? null,
        rows: rows.map((r) => ({
          programmeId: r.key,
          ...usage(r),
          free: rupiah(r.free),
        })),
      };
    }
    const column = BUDGET_COLUMN[by];
    const rows = await this.db.query<BudgetGroupRow[]>(
      `select ${column} as key, sum(ceiling) as ceiling, sum(allocated) as allocated, sum(committed) as committed, sum(spent) as spent, count(*)::int as budgets
         from budget_overview where fiscal_year = $1 and ($2::text is null or opd = $2) group by ${column} order by ${column}`,
      params,
    );
    return {
      fiscalYear,
      by,
      opd: opd ?? null,
      rows: rows.map((r) => ({
        [by === 'unit' ? 'opd' : 'fundingSource']: r.key,
        budgets: r.budgets,
        ceiling: rupiah(r.ceiling),
        unallocated: rupiah(r.ceiling) - rupiah(r.allocated),
        ...usage(r),
      })),
    };
  }
}
