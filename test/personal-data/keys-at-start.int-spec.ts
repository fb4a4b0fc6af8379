import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore, LocalKeyEncryptionKeys, PostgresKeyStore, type PersonalKeyStore } from '@kompeten/event-store';
import { createTestDatabase, eventually, httpOf, migratedDataSource, personalDataKekEnv } from '@kompeten/testing';
import { CreateEventStore1732000000000 } from '../../libs/event-store/src/schema/1732000000000-create-event-store';
import { CreatePersonalKeys1732000000001 } from '../../libs/event-store/src/schema/1732000000001-create-personal-keys';
import { nip, staffBody, startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';

const OLD = nip(901);
const NEW = nip(902);
const legacyKey = randomBytes(32);
/** How keys were kept before wrapping: one plaintext key, here known to the test. */
const plaintextKeys: PersonalKeyStore = {
  keyFor: () => Promise.resolve(legacyKey),
  keysFor: (subjects) => Promise.resolve(new Map(subjects.map((s) => [s, legacyKey]))),
  erase: () => Promise.resolve(false),
  isErased: () => Promise.resolve(false),
};

// A service started on a database from before key wrapping, with PERSONAL_DATA_KEK set: the start
// wraps the plaintext keys, new keys are stored only wrapped, and the data still reads.
describe('a service’s personal data keys under its KEK', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase('kek-start');
    const before = await migratedDataSource(db, [CreateEventStore1732000000000, CreatePersonalKeys1732000000001]);
    const { name, ...rest } = staffBody(OLD, { name: 'Rahmat Sebelum' });
    await new EventStore(before, { keys: plaintextKeys }).append(
      `staff-${OLD}`,
      'no-stream',
      [
        {
          type: 'StaffRegistered',
          data: { ...rest, name, registeredOn: '2020-01-01', positionSince: '2020-01-01' },
          personal: { subject: `staff:${OLD}`, fields: ['name'] },
        },
      ],
      { actor: 'user:officer', correlationId: 'c', causationId: null },
    );
    await before.query(`insert into es_personal_key (subject, key) values ($1, $2)`, [`staff:${OLD}`, legacyKey]);
    await before.destroy();
    ({ app, stop } = await startEnrolmentApp(personalDataKekEnv(), db));
  });
  afterAll(async () => {
    await stop();
  });

  it('wraps the keys found in plaintext at start, and the person still reads', async () => {
    const rows = await app
      .get(DataSource)
      .query<{ key: Buffer | null; kek_id: string }[]>(`select key, kek_id from es_personal_key`);
    expect(rows).toEqual([{ key: null, kek_id: 'test-kek' }]);
    const record = await eventually(async () => {
      const res = await httpOf(app).get(`/staff/${OLD}`);
      return res.status === 200 ? (res.body as { name: string | null }) : undefined;
    });
    expect(record.name).toBe('Rahmat Sebelum');
  });

  it('stores a new person’s key only wrapped: with the database alone, nothing opens', async () => {
    await httpOf(app)
      .post('/staff')
      .send(staffBody(NEW, { name: 'Dewi Baru' }))
      .expect(201);
    const ds = app.get(DataSource);
    const dataKey = (await app.get(PostgresKeyStore).keysFor([`staff:${NEW}`])).get(`staff:${NEW}`)!;
    const dump = JSON.stringify(await ds.query(`select *, encode(wrapped_key, 'hex') as hex from es_personal_key`));
    expect(dump).not.toContain(dataKey.toString('hex'));
    expect(dump).not.toContain(legacyKey.toString('hex'));
    expect(await ds.query(`select kek_id from es_personal_key where key is not null or kek_id <> 'test-kek'`)).toEqual(
      [],
    );
    const withoutKek = new EventStore(ds, {
      keys: new PostgresKeyStore(ds, new LocalKeyEncryptionKeys({ id: 'test-kek', key: randomBytes(32) })),
    });
    for (const nipOf of [OLD, NEW]) await expect(withoutKek.readStream(`staff-${nipOf}`)).rejects.toThrow();
  });
});
