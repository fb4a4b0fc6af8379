import { randomBytes } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { PersonErasedError } from '../store/errors';
import type { PersonalKeyStore } from './personal-key-store';

/** Per-person AES-256 keys in the service's database (table es_personal_key). */
export class PostgresKeyStore implements PersonalKeyStore {
  constructor(private readonly dataSource: DataSource) {}

  async keyFor(subject: string, tx: QueryRunner): Promise<Buffer> {
    // Insert-if-absent, then read: concurrent first uses of one subject agree on a single key.
    await tx.query(`insert into es_personal_key (subject, key) values ($1, $2) on conflict (subject) do nothing`, [
      subject,
      randomBytes(32),
    ]);
    const [row] = await tx.manager.query<{ key: Buffer | null }[]>(
      `select key from es_personal_key where subject = $1`,
      [subject],
    );
    if (!row?.key) throw new PersonErasedError(subject);
    return row.key;
  }

  async keysFor(subjects: string[]): Promise<Map<string, Buffer>> {
    if (subjects.length === 0) return new Map();
    // `key is not null` in the query: every row has its key.
    const rows = await this.dataSource.query<{ subject: string; key: Buffer }[]>(
      `select subject, key from es_personal_key where subject = any($1) and key is not null`,
      [subjects],
    );
    return new Map(rows.map((r) => [r.subject, r.key]));
  }

  async erase(subject: string): Promise<boolean> {
    // The row stays (key null, erased_at set) so that the subject cannot be silently re-collected.
    const rows = await this.dataSource.query<{ existed: boolean }[]>(
      `insert into es_personal_key (subject, key, erased_at) values ($1, null, now())
       on conflict (subject) do update set key = null, erased_at = coalesce(es_personal_key.erased_at, now())
       returning (xmax <> 0) as existed`,
      [subject],
    );
    return Boolean(rows[0]?.existed);
  }

  async isErased(subject: string): Promise<boolean> {
    const [row] = await this.dataSource.query<{ erased_at: Date | null }[]>(
      `select erased_at from es_personal_key where subject = $1`,
      [subject],
    );
    return Boolean(row?.erased_at);
  }
}
