import { DataSource } from 'typeorm';
import type { FundingSource } from '@kompeten/contracts';
import { getBudget, type ResponseOf } from '@kompeten/api';
import { DomainError } from '@kompeten/domain';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { rupiah, usage } from '../money';

/** A row of budget_overview (bigint sums come back as strings). */
interface BudgetOverviewRow {
  budget_id: string;
  fiscal_year: number;
  opd: string;
  funding_source: FundingSource;
  ceiling: string;
  allocated: string;
  committed: string;
  spent: string;
  rejections: number;
  status: 'open' | 'closed';
  opened_at: Date;
  closed_at: Date | null;
}

/** A row of budget_allocation: a programme's own money, or a competency area's. */
type BudgetAllocationRow = {
  budget_id: string;
  allocation_id: string;
  amount: string;
  committed: string;
  spent: string;
} & (
  | { target_kind: 'programme'; programme_id: string; competency_area: null }
  | { target_kind: 'competency-area'; programme_id: null; competency_area: string }
);

/** A budget with its ceiling, what is unallocated, each allocation's use, and how many requests wait for funds. */
@Handles(getBudget)
export class GetBudgetHandler implements UseCaseHandler<typeof getBudget> {
  constructor(private readonly db: DataSource) {}

  async handle({ params: { budgetId } }: UseCaseRequest<typeof getBudget>): Promise<BudgetView> {
    const [b] = await this.db.query<BudgetOverviewRow[]>('select * from budget_overview where budget_id = $1', [
      budgetId,
    ]);
    if (!b) throw DomainError.notFound('budget-not-found', 'Unknown budget', `no budget ${budgetId}`);
    const [queue] = await this.db.query<{ waiting: number }[]>(
      `select count(*)::int as waiting from budget_commitment where budget_id = $1 and status = 'waiting'`,
      [budgetId],
    );
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
      waiting: queue.waiting,
      allocations: rows.map((a) => ({
        allocationId: a.allocation_id,
        target:
          a.target_kind === 'programme'
            ? { kind: a.target_kind, programmeId: a.programme_id }
            : { kind: a.target_kind, competencyArea: a.competency_area },
        ...usage({ allocated: a.amount, committed: a.committed, spent: a.spent }),
      })),
    };
  }
}

/** What GET /budgets/:budgetId answers. */
export type BudgetView = ResponseOf<typeof getBudget>;
