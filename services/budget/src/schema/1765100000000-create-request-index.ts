import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which budget stream holds each enrolment's waiting funds request (the funds queue). A withdrawal,
 * a cancellation or a re-request names only the enrolment (or programme), and the request must leave
 * the queue of the budget it waits in. Written in the same transaction as the CommitmentRejected that
 * put it there, for the same reason as the commitment index. It holds nothing the log does not:
 * every row is a waiting CommitmentRejected's enrolmentId and stream (a row may outlive the wait:
 * the decider withdraws only what still waits).
 */
export class CreateRequestIndex1765100000000 implements MigrationInterface {
  name = 'CreateRequestIndex1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table budget_request_index (
        enrolment_id  text primary key,
        programme_id  text not null,
        stream_id     text not null,
        created_at    timestamptz not null default now()
      )`);
    await q.query('create index budget_request_index_programme on budget_request_index (programme_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table budget_request_index');
  }
}
