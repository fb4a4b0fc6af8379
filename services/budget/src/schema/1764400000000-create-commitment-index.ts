import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which budget stream holds each enrolment's commitment. Withdrawals, cancellations and completions
 * name only the enrolment (or programme), not the unit and year that paid; this index answers that.
 * It is written in the same transaction as the FundsCommitted it points to — a projection would
 * lag, and a release read from a lagging table could miss a commitment made a moment before.
 * It holds nothing the log does not: every row is a FundsCommitted event's enrolmentId and stream.
 */
export class CreateCommitmentIndex1764400000000 implements MigrationInterface {
  name = 'CreateCommitmentIndex1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table budget_commitment_index (
        enrolment_id  text primary key,
        programme_id  text not null,
        stream_id     text not null,
        created_at    timestamptz not null default now()
      )`);
    await q.query('create index budget_commitment_index_programme on budget_commitment_index (programme_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table budget_commitment_index');
  }
}
