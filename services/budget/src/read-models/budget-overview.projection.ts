import type { QueryRunner } from 'typeorm';
import type { BudgetEvent } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/** One row per budget: its unit, year and source, ceiling, and the money allocated, committed and spent. */
export const budgetOverviewProjection = projection<BudgetEvent>({
  name: 'budget_overview',
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      budget_id text primary key, fiscal_year integer not null, opd text not null, funding_source text not null,
      ceiling bigint not null, allocated bigint not null default 0, committed bigint not null default 0, spent bigint not null default 0,
      rejections integer not null default 0, status text not null, opened_at timestamptz not null, closed_at timestamptz)`);
    await tx.query(`create index on "${t}" (fiscal_year, opd)`);
  },
  on: {
    BudgetOpened: (e, tx, t) => {
      const d = e.data;
      return tx.query(
        `insert into "${t}" (budget_id, fiscal_year, opd, funding_source, ceiling, status, opened_at) values ($1, $2, $3, $4, $5, 'open', $6)`,
        [d.budgetId, d.fiscalYear, d.opd, d.fundingSource, d.ceiling, e.occurredAt],
      );
    },
    FundsAllocated: ({ data: d }, tx, t) => set(tx, t, d.budgetId, 'allocated = allocated + $2', [d.amount]),
    AllocationRevised: ({ data: d }, tx, t) =>
      set(tx, t, d.budgetId, 'allocated = allocated + $2', [d.amount - d.previousAmount]),
    FundsCommitted: ({ data: d }, tx, t) => set(tx, t, d.budgetId, 'committed = committed + $2', [d.amount]),
    FundsReleased: ({ data: d }, tx, t) => set(tx, t, d.budgetId, 'committed = committed - $2', [d.amount]),
    ExpenditureRecorded: ({ data: d }, tx, t) =>
      set(tx, t, d.budgetId, 'committed = committed - $2, spent = spent + $3', [d.committed, d.amount]),
    // A rejection for a unit with no budget at all has no row to count on.
    CommitmentRejected: ({ data: d }, tx, t) => set(tx, t, d.budgetId, 'rejections = rejections + 1'),
    BudgetClosed: (e, tx, t) => set(tx, t, e.data.budgetId, `status = 'closed', closed_at = $2`, [e.occurredAt]),
  },
});

const set = async (tx: QueryRunner, t: string, budgetId: string | null, sql: string, params: unknown[] = []) => {
  if (budgetId !== null) await tx.query(`update "${t}" set ${sql} where budget_id = $1`, [budgetId, ...params]);
};
