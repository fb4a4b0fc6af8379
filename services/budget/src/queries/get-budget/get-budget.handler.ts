import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainProblem } from '@kompeten/platform';
import { rupiah, usage } from '../money';
import { GetBudgetQuery } from './get-budget.query';

/** A row of budget_overview (bigint sums come back as strings). */
interface BudgetOverviewRow {
  budget_id: string;
  fiscal_year: number;
  opd: string;
  funding_source: string;
  ceiling: string;
  allocated: string;
  committed: string;
  spent: string;
  rejections: number;
  status: string;
  opened_at: Date;
  closed_at: Date | null;
}

/** A row of budget_allocation. */
interface BudgetAllocationRow {
  budget_id: string;
  allocation_id: string;
  target_kind: string;
  programme_id: string | null;
  competency_area: string | null;
  amount: string;
  committed: string;
  spent: string;
}

/** A budget with its ceiling, what is unallocated, and each allocation's use. */
@QueryHandler(GetBudgetQuery)
export class GetBudgetHandler implements IQueryHandler<GetBudgetQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ budgetId }: GetBudgetQuery) {
    const [b] = await this.db.query<BudgetOverviewRow[]>('select * from budget_overview where budget_id = $1', [
      budgetId,
    ]);
    if (!b) throw new DomainProblem(404, 'budget-not-found', 'Unknown budget', `no budget ${budgetId}`);
    const rows = await this.db.query<BudgetAllocationRow[]>(
      'select * from budget_allocation where budget_id = $1 order by allocation_id',
      [budgetId],
    );
    return {
      budgetId,
      fiscalYear: b.fiscal_year,
      opd: b.opd,
      fundingSource: b.funding_source,
      status: b.status,
      ceiling: rupiah(b.ceiling),
      unallocated: rupiah(b.ceiling) - rupiah(b.allocated),
      ...usage(b),
      rejections: b.rejections,
      allocations: rows.map((a) => ({
        allocationId: a.allocation_id,
        target:
          a.target_kind === 'programme'
            ? { kind: 'programme', programmeId: a.programme_id }
            : { kind: 'competency-area', competencyArea: a.competency_area },
        ...usage({ allocated: a.amount, committed: a.committed, spent: a.spent }),
      })),
    };
  }
}

/** What GET /budgets/:budgetId answers. */
export type BudgetView = Awaited<ReturnType<GetBudgetHandler['execute']>>;
