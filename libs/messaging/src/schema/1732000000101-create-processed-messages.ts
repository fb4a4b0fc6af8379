import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event ids each consumer has applied, written in the same transaction as the read-model change:
 * a redelivered message finds its row and is skipped, so nothing is applied twice.
 */
export class CreateProcessedMessages1732000000101 implements MigrationInterface {
  name = 'CreateProcessedMessages1732000000101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table msg_processed (
        consumer      text not null,
        event_id      uuid not null,
        processed_at  timestamptz not null default now(),
        primary key (consumer, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table msg_processed');
  }
}
