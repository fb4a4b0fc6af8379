import type { QueryRunner } from 'typeorm';
import type { BudgetEvent } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/**
 * Every change in the money taken (committed + spent) with its time: commitments add, releases
 * subtract, expenditure adds the difference from its commitment. The forecast reads its rate here.
 */
export const budgetMovementProjection = projection<BudgetEvent>({
  name: 'budget_movement',
  async createTable(tx, t) {
    await tx.query(
      `create table "${t}" (position bigint primary key, budget_id text not null, occurred_at timestamptz not null, taken bigint not null)`,
    );
    await tx.query(`create index on "${t}" (budget_id, occurred_at)`);
  },
  on: {
    FundsCommitted: (e, tx, t) => move(tx, t, e, e.data.amount),
    FundsReleased: (e, tx, t) => move(tx, t, e, -e.data.amount),
    ExpenditureRecorded: (e, tx, t) => move(tx, t, e, e.data.amount - e.data.committed),
  },
});

async function move(
  tx: QueryRunner,
  t: string,
  e: { position: number; occurredAt: string; data: { budgetId: string } },
  taken: number,
): Promise<void> {
  if (taken === 0) return;
  await tx.query(`insert into "${t}" (position, budget_id, occurred_at, taken) values ($1, $2, $3, $4)`, [
    e.position,
    e.data.budgetId,
    e.occurredAt,
    taken,
  ]);
}
