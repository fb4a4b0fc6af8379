import type { QueryRunner } from 'typeorm';
import { type BudgetEvent, waitsForFunds } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/**
 * One row per enrolment the budget answered, with its latest answer: committed, waiting in a funds
 * queue or rejected (with the reason), withdrawn from the queue, released or spent (with the actual
 * cost and the JP delivered). An enrolment answered again (from the queue, on a re-request, after
 * a release for a waitlisting) keeps one row. Funding by need adds `held` (waiting for its window). Costs per JP and per trained staff member are
 * queries over it; so is the length of a budget's queue.
 */
export const budgetCommitmentProjection = projection<BudgetEvent>({
  name: 'budget_commitment',
  // v2: answers replace the row (v1 inserted once per enrolment), and the queue's statuses.
  version: 2,
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      enrolment_id text primary key, stream_id text not null, budget_id text, allocation_id text, commitment_id text,
      programme_id text not null, nip text not null, opd text not null, amount bigint not null, status text not null, reason text,
      detail text, spent bigint, jp integer, decided_at timestamptz not null, settled_at timestamptz)`);
    await tx.query(`create index on "${t}" (budget_id, status)`);
    await tx.query(`create index on "${t}" (programme_id)`);
  },
  on: {
    FundsCommitted: (e, tx, t) =>
      answer(tx, t, e, {
        status: 'committed',
        reason: null,
        detail: null,
        allocationId: e.data.allocationId,
        commitmentId: e.data.commitmentId,
      }),
    CommitmentRejected: (e, tx, t) =>
      answer(tx, t, e, {
        status: waitsForFunds(e.data) ? 'waiting' : 'rejected',
        reason: e.data.reason,
        detail: e.data.detail,
        allocationId: null,
        commitmentId: null,
      }),
    // Funding by need: held for its window (its answer, FundsCommitted or CommitmentRejected, replaces the row).
    FundsRequestQueued: (e, tx, t) =>
      answer(tx, t, e, { status: 'held', reason: null, detail: null, allocationId: null, commitmentId: null }),
    FundsRequestWithdrawn: (e, tx, t) => settle(tx, t, e, `status = 'withdrawn', reason = $3`, [e.data.reason]),
    FundsReleased: (e, tx, t) => settle(tx, t, e, `status = 'released', reason = $3`, [e.data.reason]),
    ExpenditureRecorded: (e, tx, t) =>
      settle(tx, t, e, `status = 'spent', spent = $3, jp = $4`, [e.data.amount, e.data.jp]),
    ExpenditureRejected: (e, tx, t) => settle(tx, t, e, 'reason = $3, detail = $4', [e.data.reason, e.data.detail]),
  },
});

/** The budget's latest answer to an enrolment: the row is created with the first, replaced by each later one. */
function answer(
  tx: QueryRunner,
  t: string,
  e: {
    streamId: string;
    occurredAt: string;
    data: {
      enrolmentId: string;
      budgetId: string | null;
      programmeId: string;
      nip: string;
      opd: string;
      amount: number;
    };
  },
  row: {
    status: string;
    reason: string | null;
    detail: string | null;
    allocationId: string | null;
    commitmentId: string | null;
  },
) {
  const d = e.data;
  return tx.query(
    `insert into "${t}" (enrolment_id, stream_id, budget_id, allocation_id, commitment_id, programme_id, nip, opd, amount, status, reason, detail, decided_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
    on conflict (enrolment_id) do update set stream_id = excluded.stream_id, budget_id = excluded.budget_id,
      allocation_id = excluded.allocation_id, commitment_id = excluded.commitment_id, programme_id = excluded.programme_id,
      nip = excluded.nip, opd = excluded.opd, amount = excluded.amount, status = excluded.status, reason = excluded.reason,
      detail = excluded.detail, spent = null, jp = null, decided_at = excluded.decided_at, settled_at = null`,
    [
      d.enrolmentId,
      e.streamId,
      d.budgetId,
      row.allocationId,
      row.commitmentId,
      d.programmeId,
      d.nip,
      d.opd,
      d.amount,
      row.status,
      row.reason,
      row.detail,
      e.occurredAt,
    ],
  );
}

/** What became of the commitment, stamped with the event's time. */
const settle = (
  tx: QueryRunner,
  t: string,
  e: { occurredAt: string; data: { enrolmentId: string } },
  sql: string,
  params: unknown[],
) =>
  tx.query(`update "${t}" set ${sql}, settled_at = $2 where enrolment_id = $1`, [
    e.data.enrolmentId,
    e.occurredAt,
    ...params,
  ]);
