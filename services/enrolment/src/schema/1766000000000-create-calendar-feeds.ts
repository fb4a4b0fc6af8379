import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The calendar feeds' secret tokens (a phone calendar subscribes to a URL, with no login: the token
 * is the credential). Credentials, not domain facts, so not event-sourced: an event would keep the
 * secret (or its hash) in the log, on the bus and in every replica for ever, where a revocation must be
 * able to end it, and no decision of the domain reads it. Only a SHA-256 hash of the token is kept
 * (a 32-byte random token needs no slow hash: nothing to guess); the token is shown once, at creation.
 * Subject: a staff member (nip), or a unit (opd, and a service unit or null for the whole OPD).
 */
export class CreateCalendarFeeds1766000000000 implements MigrationInterface {
  name = 'CreateCalendarFeeds1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table calendar_feed (
        feed_id       uuid primary key,
        token_hash    char(64) not null unique,
        kind          text not null check (kind in ('staff', 'unit')),
        nip           text,
        opd           text,
        service_unit  text,
        created_at    timestamptz not null default now(),
        revoked_at    timestamptz,
        check ((kind = 'staff' and nip is not null) or (kind = 'unit' and opd is not null))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table calendar_feed');
  }
}
