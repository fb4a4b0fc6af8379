import type { QueryRunner } from 'typeorm';
import type { BudgetEvent } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/** One row per allocation: what it is for, and how much of it is committed and spent. */
export const budgetAllocationProjection = projection<BudgetEvent>({
  name: 'budget_allocation',
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      budget_id text not null, allocation_id text not null, target_kind text not null, programme_id text, competency_area text,
      amount bigint not null, committed bigint not null default 0, spent bigint not null default 0, primary key (budget_id, allocation_id))`);
    await tx.query(`create index on "${t}" (programme_id)`);
  },
  on: {
    FundsAllocated: ({ data: d }, tx, t) =>
      tx.query(
        `insert into "${t}" (budget_id, allocation_id, target_kind, programme_id, competency_area, amount) values ($1, $2, $3, $4, $5, $6)`,
        [
          d.budgetId,
          d.allocationId,
          d.target.kind,
          d.target.kind === 'programme' ? d.target.programmeId : null,
          d.target.kind === 'competency-area' ? d.target.competencyArea : null,
          d.amount,
        ],
      ),
    AllocationRevised: ({ data: d }, tx, t) => set(tx, t, 'amount = $3', d, [d.amount]),
    FundsCommitted: ({ data: d }, tx, t) => set(tx, t, 'committed = committed + $3', d, [d.amount]),
    FundsReleased: ({ data: d }, tx, t) => set(tx, t, 'committed = committed - $3', d, [d.amount]),
    ExpenditureRecorded: ({ data: d }, tx, t) =>
      set(tx, t, 'committed = committed - $3, spent = spent + $4', d, [d.committed, d.amount]),
  },
});

const set = (
  tx: QueryRunner,
  t: string,
  sql: string,
  d: { budgetId: string; allocationId: string },
  params: unknown[],
) =>
  tx.query(`update "${t}" set ${sql} where budget_id = $1 and allocation_id = $2`, [
    d.budgetId,
    d.allocationId,
    ...params,
  ]);
