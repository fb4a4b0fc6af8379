import { MigrationInterface, QueryRunner } from 'typeorm';

/** How far each outbox relay has published the event log to Kafka (at-least-once: sent, then checkpointed). */
export class CreateOutboxCheckpoint1732000000100 implements MigrationInterface {
  name = 'CreateOutboxCheckpoint1732000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table outbox_checkpoint (
        relay       text primary key,
        position    bigint not null check (position >= 0),
        updated_at  timestamptz not null default now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table outbox_checkpoint');
  }
}
