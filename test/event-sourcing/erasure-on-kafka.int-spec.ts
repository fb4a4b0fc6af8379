import { EventStore, eventStoreMigrations, PostgresKeyStore, verifyChain } from '@kompeten/event-store';
import { decodeMessage, messagingMigrations, OutboxRelay } from '@kompeten/messaging';
import {
  createTestDatabase,
  createTestTopics,
  migratedDataSource,
  tailTopic,
  TestDatabase,
  testKafka,
  uniqueName,
  testKeyEncryptionKeys,
} from '@kompeten/testing';
import { DataSource } from 'typeorm';

// Personal data must never reach the Kafka copy of the log in clear, and erasing a person must
// leave both copies verifiable. Real Postgres, real relay, real broker; the topic is read raw.
describe('erasing a person (UU 27/2022)', () => {
  const kafka = testKafka('erasure');
  let db: TestDatabase;
  let ds: DataSource;
  let topic: string;

  beforeAll(async () => {
    db = await createTestDatabase('erasure');
    ds = await migratedDataSource(db, [...eventStoreMigrations, ...messagingMigrations]);
    topic = uniqueName('erasure');
    await createTestTopics(kafka, [topic], 3);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('leaves no plaintext on Kafka, and both the store and the topic still verify', async () => {
    const keys = new PostgresKeyStore(ds, testKeyEncryptionKeys());
    const store = new EventStore(ds, { keys });
    const meta = { actor: 'user:officer', correlationId: 'c', causationId: null };
    await store.append(
      'staff-198609262015051001',
      'no-stream',
      [
        {
          type: 'StaffRegistered',
          data: { nip: '198609262015051001', name: 'Siti Rahmah', unit: 'DINKES' },
          personal: { subject: 'staff:198609262015051001', fields: ['name'] },
        },
      ],
      meta,
    );
    await store.append(
      'survey-1',
      'no-stream',
      [
        {
          type: 'SurveyResponseSubmitted',
          data: { scores: [4, 4, 3, 4, 3, 4, 4, 3, 4], comment: 'Perawat Siti sangat ramah, HP 0812-7777-0000' },
          personal: { subject: 'respondent:r-1', fields: ['comment'] },
        },
      ],
      meta,
    );

    await keys.erase('staff:198609262015051001');
    await keys.erase('respondent:r-1');

    const relay = new OutboxRelay({ dataSource: ds, kafka, topic, name: 'erasure-relay' });
    await relay.start();
    const messages = await tailTopic(
      kafka,
      topic,
      new Map([
        [0, '0'],
        [1, '0'],
        [2, '0'],
      ]),
      (m) => m.length >= 2,
    );
    await relay.stop();

    const raw = messages.map((m) => `${m.key} ${m.value} ${JSON.stringify(m.headers)}`).join('\n');
    expect(messages).toHaveLength(2);
    expect(raw).not.toMatch(/Siti|Rahmah|0812-7777|ramah/);
    expect(raw).toContain('$personal');

    const fromKafka = messages
      .map((m) => decodeMessage({ key: m.key, value: m.value, headers: m.headers }))
      .sort((a, b) => a.position - b.position);
    expect(await verifyChain(fromKafka)).toMatchObject({ ok: true, count: 2 });
    expect(await store.verify()).toMatchObject({ ok: true, count: 2, headAgrees: true });
    const opened = await store.open(fromKafka);
    expect(opened.map((e) => e.erased)).toEqual([['name'], ['comment']]);
  });
});
