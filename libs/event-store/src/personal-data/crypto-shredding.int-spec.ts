import { createTestDatabase, migratedDataSource, TestDatabase, testKeyEncryptionKeys } from '@kompeten/testing';
import { DataSource } from 'typeorm';
import { eventStoreMigrations } from '../schema';
import { EventStore } from '../store/event-store';
import { PersonErasedError } from '../store/errors';
import { PostgresKeyStore } from './postgres-key-store';

const meta = { actor: 'user:officer', correlationId: 'c', causationId: null };

describe('personal data in an append-only log', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let keys: PostgresKeyStore;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase('shredding');
    ds = await migratedDataSource(db, eventStoreMigrations);
    keys = new PostgresKeyStore(ds, testKeyEncryptionKeys());
    store = new EventStore(ds, { keys });
    await store.append(
      'staff-198609262015051001',
      'no-stream',
      [
        {
          type: 'StaffRegistered',
          data: {
            nip: '198609262015051001',
            name: 'Siti Rahmah',
            phone: '0812-6600-1234',
            unit: 'PUSKESMAS-GULAI-BANCAH',
          },
          personal: { subject: 'staff:198609262015051001', fields: ['name', 'phone'] },
        },
      ],
      meta,
    );
    await store.append(
      'staff-199001012020012002',
      'no-stream',
      [
        {
          type: 'StaffRegistered',
          data: { nip: '199001012020012002', name: 'Rahmat Hidayat' },
          personal: { subject: 'staff:199001012020012002', fields: ['name'] },
        },
      ],
      meta,
    );
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('stores personal fields encrypted and shows them to readers in clear', async () => {
    const raw = JSON.stringify(await ds.query('select payload from es_event'));
    expect(raw).not.toMatch(/Siti|Rahmah|0812-6600|Rahmat/);
    expect(raw).toContain('PUSKESMAS-GULAI-BANCAH'); // not personal, stays readable
    const [event] = await store.readStream('staff-198609262015051001');
    expect(event.data).toMatchObject({ name: 'Siti Rahmah', phone: '0812-6600-1234' });
    expect(event.erased).toBeUndefined();
  });

  it('after erasure shows the fields as erased, keeps the rest, and the chain still verifies', async () => {
    expect(await keys.erase('staff:198609262015051001')).toBe(true);
    const [event] = await store.readStream('staff-198609262015051001');
    expect(event.data).toEqual({ nip: '198609262015051001', name: null, phone: null, unit: 'PUSKESMAS-GULAI-BANCAH' });
    expect(event.erased).toEqual(['name', 'phone']);
    const [other] = await store.readStream('staff-199001012020012002');
    expect(other.data).toMatchObject({ name: 'Rahmat Hidayat' });
    expect(await store.verify()).toMatchObject({ ok: true, count: 2, headAgrees: true });
    const [{ key }] = await ds.query<{ key: Buffer | null }[]>(
      `select key from es_personal_key where subject = 'staff:198609262015051001'`,
    );
    expect(key).toBeNull();
  });

  it('refuses to record personal data of an erased person again', async () => {
    await expect(
      store.append(
        'staff-198609262015051001',
        1,
        [
          {
            type: 'StaffRenamed',
            data: { name: 'Siti' },
            personal: { subject: 'staff:198609262015051001', fields: ['name'] },
          },
        ],
        meta,
      ),
    ).rejects.toBeInstanceOf(PersonErasedError);
    expect(await store.streamVersion('staff-198609262015051001')).toBe(1);
  });
});
