import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retry-safe commands (libs/platform/src/http/command-dedup.ts): the events a command appended are
 * found by its id (`metadata.commandId`), and its answer is kept to be given again to a retry.
 */
export class CreateCommandAnswers1732000000021 implements MigrationInterface {
  name = 'CreateCommandAnswers1732000000021';

  async up(q: QueryRunner): Promise<void> {
    // Only the events of commands sent with an id are indexed: reactions and workers append without one.
    await q.query(`
      create index es_event_command_id_idx on es_event ((metadata->>'commandId'))
      where metadata->>'commandId' is not null`);
    // One row per command id: `running` while a request holds it (until claimed_at + the lease), then `done` with its answer.
    await q.query(`
      create table es_command_answer (
        command_id    text primary key,
        request_hash  char(64) not null,
        state         text not null check (state in ('running', 'done')),
        status        integer,
        headers       jsonb,
        body          text,
        claimed_at    timestamptz not null default now(),
        answered_at   timestamptz,
        check ((state = 'done') = (status is not null))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table es_command_answer');
    await q.query('drop index es_event_command_id_idx');
  }
}
