import type { QueryRunner } from 'typeorm';
import type { BudgetEvent } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';
import type { Projection } from '@kompeten/messaging';

/**
 * Every change in the money taken (committed + spent) with its time: commitments add, releases
 * subtract, expenditure adds the difference from its commitment. The forecast reads its rate here.
 */
export const budgetMovementProjection: Projection = {
  name: 'budget_movement',
  async createTable(tx: QueryRunner, t: string) {
    await tx.query(
      `create table "${t}" (position bigint primary key, budget_id text not null, occurred_at timestamptz not null, taken bigint not null)`,
    );
    await tx.query(`create index on "${t}" (budget_id, occurred_at)`);
  },
  async apply(stored: StoredEvent, tx: QueryRunner, t: string) {
    const e = stored as unknown as BudgetEvent;
    const taken =
      e.type === 'FundsCommitted'
        ? e.data.amount
        : e.type === 'FundsReleased'
          ? -e.data.amount
          : e.type === 'ExpenditureRecorded'
            ? e.data.amount - e.data.committed
            : null;
    if (taken === null || taken === 0) return;
    const budgetId = (e.data as { budgetId: string }).budgetId;
    await tx.query(`insert into "${t}" (position, budget_id, occurred_at, taken) values ($1, $2, $3, $4)`, [
      stored.position,
      budgetId,
      stored.occurredAt,
      taken,
    ]);
  },
};
