import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store: one append-only table per service database, plus the chain head.
 * See libs/README.md for why positions are assigned under a lock (gap-safety) and how hashes chain.
 */
export class CreateEventStore1732000000000 implements MigrationInterface {
  name = 'CreateEventStore1732000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table es_event (
        position        bigint primary key,
        event_id        uuid not null unique,
        stream_id       text not null,
        stream_version  integer not null check (stream_version >= 1),
        type            text not null,
        schema_version  integer not null check (schema_version >= 1),
        payload         jsonb not null,
        metadata        jsonb not null,
        occurred_at     timestamptz not null,
        recorded_at     timestamptz not null,
        prev_hash       char(64) not null,
        hash            char(64) not null,
        constraint es_event_stream_version_key unique (stream_id, stream_version)
      )`);
    await q.query(`create index es_event_type_idx on es_event (type, position)`);
    await q.query(`create index es_event_recorded_at_idx on es_event (recorded_at)`);
    // The head of the hash chain; its row lock serialises appends (one writer at a time per service).
    await q.query(`
      create table es_head (
        id        smallint primary key check (id = 1),
        position  bigint not null,
        hash      char(64) not null
      )`);
    await q.query(`insert into es_head (id, position, hash) values (1, 0, repeat('0', 64))`);
    // Append-only, enforced by the database and not only by the code.
    await q.query(`
      create function es_event_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'es_event is append-only (% refused)', tg_op using errcode = 'P0001';
      end $$`);
    // Statement-level, so that even a DELETE or UPDATE matching no row is refused.
    await q.query(`
      create trigger es_event_append_only before update or delete or truncate on es_event
      for each statement execute function es_event_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table es_event');
    await q.query('drop table es_head');
    await q.query('drop function es_event_is_append_only');
  }
}
