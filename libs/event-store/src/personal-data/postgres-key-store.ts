import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { PersonErasedError } from '../store/errors';
import type { KeyEncryptionKeys } from './key-encryption-keys';
import type { PersonalKeyStore } from './personal-key-store';

/** A row of es_personal_key as the store reads it (`key`: a plaintext key from before wrapping, until rewrapped). */
interface KeyRow {
  subject: string;
  key: Buffer | null;
  wrapped_key: Buffer | null;
  kek_id: string | null;
  erased_at: Date | null;
}

/** What one rewrap pass did: keys moved to the current KEK, from plaintext (legacy rows) or another KEK. */
export interface RewrapReport {
  kekId: string;
  rewrapped: number;
  fromPlaintext: number;
}

/**
 * Per-person AES-256 keys in the service's database (table es_personal_key), each stored wrapped
 * by a key-encryption key (KeyEncryptionKeys) that the database never holds. The wrapping is bound
 * to the subject, so a wrapped key copied onto another person's row does not open.
 */
export class PostgresKeyStore implements PersonalKeyStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keks: KeyEncryptionKeys,
  ) {}

  async keyFor(subject: string, tx: QueryRunner): Promise<Buffer> {
    const existing = await this.row(subject, tx.manager);
    if (existing) return this.open(existing);
    // Insert-if-absent, then read: concurrent first uses of one subject agree on a single key.
    const { kekId, wrapped } = await this.keks.wrap(randomBytes(32), subject);
    await tx.query(
      `insert into es_personal_key (subject, wrapped_key, kek_id) values ($1, $2, $3) on conflict (subject) do nothing`,
      [subject, wrapped, kekId],
    );
    const row = await this.row(subject, tx.manager);
    if (!row) throw new PersonErasedError(subject);
    return this.open(row);
  }

  async keysFor(subjects: string[]): Promise<Map<string, Buffer>> {
    if (subjects.length === 0) return new Map();
    const rows = await this.dataSource.query<KeyRow[]>(
      `select subject, key, wrapped_key, kek_id, erased_at from es_personal_key
        where subject = any($1) and erased_at is null`,
      [subjects],
    );
    return new Map(await Promise.all(rows.map(async (r) => [r.subject, await this.open(r)] as const)));
  }

  async erase(subject: string, tx?: QueryRunner): Promise<boolean> {
    // The row stays (no key, erased_at set) so that the subject cannot be silently re-collected.
    const rows = await (tx?.manager ?? this.dataSource).query<{ existed: boolean }[]>(
      `insert into es_personal_key (subject, erased_at) values ($1, now())
       on conflict (subject) do update
         set key = null, wrapped_key = null, kek_id = null, erased_at = coalesce(es_personal_key.erased_at, now())
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

  /**
   * Wraps every key that is not yet under the current KEK: plaintext keys from before wrapping (the
   * migration path, run at every start) and keys under a retired KEK (rotation). Each row is
   * updated only if it is still what was read, so a concurrent erasure is never undone.
   */
  async rewrap(batchSize = 500): Promise<RewrapReport> {
    const report: RewrapReport = { kekId: this.keks.currentId, rewrapped: 0, fromPlaintext: 0 };
    for (;;) {
      const rows = await this.dataSource.query<KeyRow[]>(
        `select subject, key, wrapped_key, kek_id, erased_at from es_personal_key
          where erased_at is null and (key is not null or kek_id is distinct from $1)
          order by subject limit $2`,
        [this.keks.currentId, batchSize],
      );
      if (rows.length === 0) return report;
      for (const r of rows) {
        const { kekId, wrapped } = await this.keks.wrap(await this.open(r), r.subject);
        await this.dataSource.query(
          `update es_personal_key set key = null, wrapped_key = $2, kek_id = $3
            where subject = $1 and erased_at is null
              and key is not distinct from $4 and wrapped_key is not distinct from $5`,
          [r.subject, wrapped, kekId, r.key, r.wrapped_key],
        );
        report.rewrapped++;
        if (r.key) report.fromPlaintext++;
      }
    }
  }

  private async row(subject: string, db: EntityManager): Promise<KeyRow | undefined> {
    const [row] = await db.query<KeyRow[]>(
      `select subject, key, wrapped_key, kek_id, erased_at from es_personal_key where subject = $1`,
      [subject],
    );
    return row;
  }

  private async open(row: KeyRow): Promise<Buffer> {
    if (row.erased_at) throw new PersonErasedError(row.subject);
    if (row.wrapped_key && row.kek_id)
      return this.keks.unwrap({ kekId: row.kek_id, wrapped: row.wrapped_key }, row.subject);
    // A key from before wrapping, until the start's rewrap wraps it.
    if (row.key) return row.key;
    throw new PersonErasedError(row.subject);
  }
}
