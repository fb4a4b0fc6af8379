import { randomBytes } from 'node:crypto';
import { createTestDatabase, migratedDataSource, TestDatabase } from '@kompeten/testing';
import type { DataSource } from 'typeorm';
import { CreateEventStore1732000000000 } from '../schema/1732000000000-create-event-store';
import { CreatePersonalKeys1732000000001 } from '../schema/1732000000001-create-personal-keys';
import { eventStoreMigrations } from '../schema';
import { EventStore } from '../store/event-store';
import type { PersonalKeyStore } from './personal-key-store';
import { LocalKeyEncryptionKeys } from './local-key-encryption-keys';
import { PostgresKeyStore } from './postgres-key-store';

const meta = { actor: 'user:officer', correlationId: 'c', causationId: null };
const SITI = 'staff:198609262015051001';

/** A key store that hands out one known key (the plaintext keys rows held before wrapping). */
const fixedKey = (key: Buffer): PersonalKeyStore => ({
  keyFor: () => Promise.resolve(key),
  keysFor: (subjects) => Promise.resolve(new Map(subjects.map((s) => [s, key]))),
  erase: () => Promise.resolve(false),
  isErased: () => Promise.resolve(false),
});
const register = (store: EventStore, nip: string, name: string) =>
  store.append(
    `staff-${nip}`,
    'no-stream',
    [{ type: 'StaffRegistered', data: { nip, name }, personal: { subject: `staff:${nip}`, fields: ['name'] } }],
    meta,
  );
/** Every byte of es_personal_key, as a dump would hold it. */
const dumpOfKeys = async (ds: DataSource) =>
  Buffer.from(
    JSON.stringify(await ds.query(`select *, encode(coalesce(wrapped_key, key), 'hex') as hex from es_personal_key`)),
  );

describe('per-person keys kept apart from the data (wrapped by a KEK outside the database)', () => {
  const kekA = { id: 'kek-a', key: randomBytes(32) };
  const kekB = { id: 'kek-b', key: randomBytes(32) };
  let db: TestDatabase;
  let ds: DataSource;
  const legacyKey = randomBytes(32);

  beforeAll(async () => {
    // The database as it was before wrapping: plaintext keys in es_personal_key.
    db = await createTestDatabase('key-wrapping');
    const before = await migratedDataSource(db, [CreateEventStore1732000000000, CreatePersonalKeys1732000000001]);
    await register(new EventStore(before, { keys: fixedKey(legacyKey) }), '199001012020012002', 'Rahmat Hidayat');
    await before.query(`insert into es_personal_key (subject, key) values ($1, $2)`, [
      'staff:199001012020012002',
      legacyKey,
    ]);
    await before.destroy();
    ds = await migratedDataSource(db, eventStoreMigrations);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('wraps the keys stored in plaintext before (the start’s rewrap), and they still open', async () => {
    const keys = new PostgresKeyStore(ds, new LocalKeyEncryptionKeys(kekA));
    expect(await keys.rewrap()).toEqual({ kekId: 'kek-a', rewrapped: 1, fromPlaintext: 1 });
    const [row] = await ds.query<{ key: Buffer | null; kek_id: string }[]>(`select key, kek_id from es_personal_key`);
    expect(row).toEqual({ key: null, kek_id: 'kek-a' });
    expect((await dumpOfKeys(ds)).includes(legacyKey.toString('hex'))).toBe(false);
    const [event] = await new EventStore(ds, { keys }).readStream('staff-199001012020012002');
    expect(event.data).toMatchObject({ name: 'Rahmat Hidayat' });
    expect(await keys.rewrap()).toEqual({ kekId: 'kek-a', rewrapped: 0, fromPlaintext: 0 });
  });

  it('stores new keys only wrapped: a dump of the database alone opens nothing', async () => {
    const keys = new PostgresKeyStore(ds, new LocalKeyEncryptionKeys(kekA));
    const store = new EventStore(ds, { keys });
    await register(store, '198609262015051001', 'Siti Rahmah');
    const dataKey = (await keys.keysFor([SITI])).get(SITI)!;
    const dump = await dumpOfKeys(ds);
    expect(dump.includes(dataKey.toString('hex'))).toBe(false);
    expect(dump.includes(dataKey.toString('base64'))).toBe(false);
    const [row] = await ds.query<{ key: Buffer | null; wrapped_key: Buffer }[]>(
      `select key, wrapped_key from es_personal_key where subject = $1`,
      [SITI],
    );
    expect(row.key).toBeNull();
    expect(row.wrapped_key.includes(dataKey)).toBe(false);
    // Whoever holds the dump but not the KEK: nothing opens (not even as "erased": the unwrap fails).
    const thief = new EventStore(ds, {
      keys: new PostgresKeyStore(ds, new LocalKeyEncryptionKeys({ id: 'kek-a', key: randomBytes(32) })),
    });
    await expect(thief.readStream('staff-198609262015051001')).rejects.toThrow();
    // …nor a wrapped key copied onto another person's row.
    await ds.query(
      `update es_personal_key set wrapped_key = (select wrapped_key from es_personal_key where subject = $1), key = null,
         kek_id = 'kek-a' where subject = 'staff:199001012020012002'`,
      [SITI],
    );
    await expect(store.readStream('staff-199001012020012002')).rejects.toThrow();
  });

  it('rotates: rewraps every key under the new KEK, after which the old KEK is no longer needed', async () => {
    const before = await new EventStore(ds, {
      keys: new PostgresKeyStore(ds, new LocalKeyEncryptionKeys(kekA)),
    }).readStream('staff-198609262015051001');
    const rotating = new PostgresKeyStore(ds, new LocalKeyEncryptionKeys(kekB, [kekA]));
    // The row spoiled above no longer opens under any KEK: it stays as it is (and is counted by nobody).
    await ds.query(
      `update es_personal_key set erased_at = now(), wrapped_key = null, kek_id = null where subject = 'staff:199001012020012002'`,
    );
    expect(await rotating.rewrap()).toEqual({ kekId: 'kek-b', rewrapped: 1, fromPlaintext: 0 });
    expect(await ds.query(`select distinct kek_id from es_personal_key where erased_at is null`)).toEqual([
      { kek_id: 'kek-b' },
    ]);
    const after = await new EventStore(ds, {
      keys: new PostgresKeyStore(ds, new LocalKeyEncryptionKeys(kekB)),
    }).readStream('staff-198609262015051001');
    expect(after[0].data).toEqual(before[0].data);
    expect(after[0].data).toMatchObject({ name: 'Siti Rahmah' });
  });
});
