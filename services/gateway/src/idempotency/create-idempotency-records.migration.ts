import { MigrationInterface, QueryRunner } from 'typeorm';

/** The gateway's only state: the first answer to each Idempotency-Key, kept until it expires. */
export class CreateIdempotencyRecords1732000000200 implements MigrationInterface {
  name = 'CreateIdempotencyRecords1732000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table idempotency_record (
        principal     text not null,
        key           text not null,
        request_hash  char(64) not null,
        state         text not null check (state in ('in-progress', 'done')),
        status        integer,
        headers       jsonb,
        body          text,
        created_at    timestamptz not null default now(),
        expires_at    timestamptz not null,
        primary key (principal, key)
      )`);
    await q.query('create index idempotency_record_expires_idx on idempotency_record (expires_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table idempotency_record');
  }
}
