import type { QueryRunner } from 'typeorm';
import type { BudgetEvent } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';
import type { Projection } from '@kompeten/messaging';

/**
 * One row per enrolment the budget answered: committed, rejected (with the reason), released or
 * spent (with the actual cost and the JP delivered). Costs per JP and per trained staff member are
 * queries over it.
 */
export const budgetCommitmentProjection: Projection = {
  name: 'budget_commitment',
  async createTable(tx: QueryRunner, t: string) {
    await tx.query(`create table "${t}" (
      enrolment_id text primary key, stream_id text not null, budget_id text, allocation_id text, commitment_id text,
      programme_id text not null, nip text not null, opd text not null, amount bigint not null, status text not null, reason text,
      detail text, spent bigint, jp integer, decided_at timestamptz not null, settled_at timestamptz)`);
    await tx.query(`create index on "${t}" (budget_id, status)`);
    await tx.query(`create index on "${t}" (programme_id)`);
  },
  async apply(stored: StoredEvent, tx: QueryRunner, t: string) {
    const e = stored as unknown as BudgetEvent;
    const at = stored.occurredAt;
    const set = (sql: string, enrolmentId: string, params: unknown[]) =>
      tx.query(`update "${t}" set ${sql}, settled_at = $2 where enrolment_id = $1`, [enrolmentId, at, ...params]);
    switch (e.type) {
      case 'FundsCommitted':
      case 'CommitmentRejected': {
        const d = e.data;
        const [status, reason, detail, allocationId, commitmentId] =
          e.type === 'FundsCommitted'
            ? ['committed', null, null, e.data.allocationId, e.data.commitmentId]
            : ['rejected', e.data.reason, e.data.detail, null, null];
        await tx.query(
          `insert into "${t}" (enrolment_id, stream_id, budget_id, allocation_id, commitment_id, programme_id, nip, opd, amount, status, reason, detail, decided_at)
          values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            d.enrolmentId,
            stored.streamId,
            d.budgetId,
            allocationId,
            commitmentId,
            d.programmeId,
            d.nip,
            d.opd,
            d.amount,
            status,
            reason,
            detail,
            at,
          ],
        );
        return;
      }
      case 'FundsReleased':
        await set(`status = 'released', reason = $3`, e.data.enrolmentId, [e.data.reason]);
        return;
      case 'ExpenditureRecorded':
        await set(`status = 'spent', spent = $3, jp = $4`, e.data.enrolmentId, [e.data.amount, e.data.jp]);
        return;
      case 'ExpenditureRejected':
        await set('reason = $3, detail = $4', e.data.enrolmentId, [e.data.reason, e.data.detail]);
        return;
    }
  },
};
