import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-person keys wrapped by a key-encryption key from outside the database (KeyEncryptionKeys):
 * `wrapped_key` + `kek_id` replace the plaintext `key`. SQL cannot wrap (the KEK is not in the
 * database), so rows from before keep their `key` until the service's start wraps them
 * (PostgresKeyStore.rewrap, run by the platform after the migrations). `key_id` is an opaque id of
 * the row that the PersonalDataErased event names instead of the person.
 */
export class WrapPersonalKeys1768100000000 implements MigrationInterface {
  name = 'WrapPersonalKeys1768100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table es_personal_key
      add column wrapped_key bytea,
      add column kek_id text,
      add column key_id uuid not null default gen_random_uuid()`);
    await q.query(`alter table es_personal_key add constraint es_personal_key_key_id_key unique (key_id)`);
    // The old rule (key present ⇔ not erased) now counts a wrapped key too.
    await q.query(`alter table es_personal_key drop constraint if exists es_personal_key_check`);
    await q.query(`alter table es_personal_key add constraint es_personal_key_erased_check
      check ((erased_at is null) = (key is not null or wrapped_key is not null))`);
    await q.query(`alter table es_personal_key add constraint es_personal_key_wrapped_check
      check ((wrapped_key is null) = (kek_id is null) and (key is null or wrapped_key is null))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table es_personal_key drop constraint es_personal_key_wrapped_check`);
    await q.query(`alter table es_personal_key drop constraint es_personal_key_erased_check`);
    await q.query(`alter table es_personal_key drop column wrapped_key, drop column kek_id, drop column key_id`);
    await q.query(`alter table es_personal_key add constraint es_personal_key_check
      check ((key is null) = (erased_at is not null))`);
  }
}
