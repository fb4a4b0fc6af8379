import { serviceAudit } from '@kompeten/audit';
import { budgetAllocationProjection } from './read-models/budget-allocation.projection';
import { budgetCommitmentProjection } from './read-models/budget-commitment.projection';
import { budgetOverviewProjection } from './read-models/budget-overview.projection';

/**
 * What an auditor's replay can rebuild from the budget service's log (`npm run audit -- replay
 * <name>`, docs/audit/README.md): the very projections the service runs, and what an auditor sees of
 * them. Views are SQL over the tables by the names the service gives them; `$1…` are the params.
 */
export const budgetAudit = serviceAudit('budget', [
  {
    name: 'budget-utilisation',
    description:
      "budgets' ceilings and money allocated, committed, spent and free; allocations; commitments per enrolment",
    projections: [budgetOverviewProjection, budgetAllocationProjection, budgetCommitmentProjection],
    params: ['fiscal_year', 'opd'],
    views: [
      {
        name: 'budgets',
        key: ['budget_id'],
        sql: `select budget_id, fiscal_year, opd, funding_source, ceiling, allocated, committed, spent, allocated - committed - spent as free,
                     round((committed + spent)::numeric / nullif(allocated, 0), 4) as utilisation, rejections, status, closed_at
                from budget_overview where ($1::int is null or fiscal_year = $1) and ($2::text is null or opd = $2)`,
      },
      {
        name: 'allocations',
        key: ['budget_id', 'allocation_id'],
        sql: `select a.*, a.amount - a.committed - a.spent as free from budget_allocation a join budget_overview b using (budget_id)
               where ($1::int is null or b.fiscal_year = $1) and ($2::text is null or b.opd = $2)`,
      },
      {
        name: 'commitments',
        key: ['enrolment_id'],
        sql: `select c.* from budget_commitment c left join budget_overview b using (budget_id)
               where ($1::int is null or b.fiscal_year = $1) and ($2::text is null or c.opd = $2)`,
      },
    ],
  },
]);
