import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events the outbox relay could not publish because the broker refuses them as too large even
 * alone (MESSAGE_TOO_LARGE): set aside here, with an error in the log, so that one oversized event
 * does not stop every later one. The event itself stays in es_event; the runbook says how to publish
 * it once the topic accepts it ("An event too large for Kafka").
 */
export class CreateOutboxParked1732000000103 implements MigrationInterface {
  name = 'CreateOutboxParked1732000000103';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table outbox_parked (
        relay       text not null,
        position    bigint not null,
        event_id    uuid not null,
        stream_id   text not null,
        type        text not null,
        bytes       integer not null,
        reason      text not null,
        parked_at   timestamptz not null default now(),
        primary key (relay, position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table outbox_parked');
  }
}
