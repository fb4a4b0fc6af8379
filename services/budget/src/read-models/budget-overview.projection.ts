import type { QueryRunner } from 'typeorm';
import type { BudgetEvent } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';
import type { Projection } from '@kompeten/messaging';

/** One row per budget: its unit, year and source, ceiling, and the money allocated, committed and spent. */
export const budgetOverviewProjection: Projection = {
  name: 'budget_overview',
  async createTable(tx: QueryRunner, t: string) {
    await tx.query(`create table "${t}" (
      budget_id text primary key, fiscal_year integer not null, opd text not null, funding_source text not null,
      ceiling bigint not null, allocated bigint not null default 0, committed bigint not null default 0, spent bigint not null default 0,
      rejections integer not null default 0, status text not null, opened_at timestamptz not null, closed_at timestamptz)`);
    await tx.query(`create index on "${t}" (fiscal_year, opd)`);
  },
  async apply(stored: StoredEvent, tx: QueryRunner, t: string) {
    const e = stored as unknown as BudgetEvent;
    const set = (sql: string, budgetId: string | null, params: unknown[] = []) =>
      budgetId === null ? undefined : tx.query(`update "${t}" set ${sql} where budget_id = $1`, [budgetId, ...params]);
    switch (e.type) {
      case 'BudgetOpened': {
        const d = e.data;
        await tx.query(
          `insert into "${t}" (budget_id, fiscal_year, opd, funding_source, ceiling, status, opened_at) values ($1, $2, $3, $4, $5, 'open', $6)`,
          [d.budgetId, d.fiscalYear, d.opd, d.fundingSource, d.ceiling, stored.occurredAt],
        );
        return;
      }
      case 'FundsAllocated':
        await set('allocated = allocated + $2', e.data.budgetId, [e.data.amount]);
        return;
      case 'AllocationRevised':
        await set('allocated = allocated + $2', e.data.budgetId, [e.data.amount - e.data.previousAmount]);
        return;
      case 'FundsCommitted':
        await set('committed = committed + $2', e.data.budgetId, [e.data.amount]);
        return;
      case 'FundsReleased':
        await set('committed = committed - $2', e.data.budgetId, [e.data.amount]);
        return;
      case 'ExpenditureRecorded':
        await set('committed = committed - $2, spent = spent + $3', e.data.budgetId, [e.data.committed, e.data.amount]);
        return;
      case 'CommitmentRejected':
        await set('rejections = rejections + 1', e.data.budgetId);
        return;
      case 'BudgetClosed':
        await set(`status = 'closed', closed_at = $2`, e.data.budgetId, [stored.occurredAt]);
        return;
    }
  },
};
