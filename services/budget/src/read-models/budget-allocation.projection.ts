import type { QueryRunner } from 'typeorm';
import type { BudgetEvent } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';
import type { Projection } from '@kompeten/messaging';

/** One row per allocation: what it is for, and how much of it is committed and spent. */
export const budgetAllocationProjection: Projection = {
  name: 'budget_allocation',
  async createTable(tx: QueryRunner, t: string) {
    await tx.query(`create table "${t}" (
      budget_id text not null, allocation_id text not null, target_kind text not null, programme_id text, competency_area text,
      amount bigint not null, committed bigint not null default 0, spent bigint not null default 0, primary key (budget_id, allocation_id))`);
    await tx.query(`create index on "${t}" (programme_id)`);
  },
  async apply(stored: StoredEvent, tx: QueryRunner, t: string) {
    const e = stored as unknown as BudgetEvent;
    const set = (sql: string, d: { budgetId: string; allocationId: string }, params: unknown[]) =>
      tx.query(`update "${t}" set ${sql} where budget_id = $1 and allocation_id = $2`, [
        d.budgetId,
        d.allocationId,
        ...params,
      ]);
    switch (e.type) {
      case 'FundsAllocated': {
        const { budgetId, allocationId, target, amount } = e.data;
        await tx.query(
          `insert into "${t}" (budget_id, allocation_id, target_kind, programme_id, competency_area, amount) values ($1, $2, $3, $4, $5, $6)`,
          [
            budgetId,
            allocationId,
            target.kind,
            target.kind === 'programme' ? target.programmeId : null,
            target.kind === 'competency-area' ? target.competencyArea : null,
            amount,
          ],
        );
        return;
      }
      case 'AllocationRevised':
        await set('amount = $3', e.data, [e.data.amount]);
        return;
      case 'FundsCommitted':
        await set('committed = committed + $3', e.data, [e.data.amount]);
        return;
      case 'FundsReleased':
        await set('committed = committed - $3', e.data, [e.data.amount]);
        return;
      case 'ExpenditureRecorded':
        await set('committed = committed - $3, spent = spent + $4', e.data, [e.data.committed, e.data.amount]);
        return;
    }
  },
};
