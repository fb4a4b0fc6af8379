import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-person data keys for crypto-shredding (UU 27/2022): erasing a person deletes their key. */
export class CreatePersonalKeys1732000000001 implements MigrationInterface {
  name = 'CreatePersonalKeys1732000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table es_personal_key (
        subject     text primary key,
        key         bytea check (key is null or octet_length(key) = 32),
        created_at  timestamptz not null default now(),
        erased_at   timestamptz,
        check ((key is null) = (erased_at is not null))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table es_personal_key');
  }
}
