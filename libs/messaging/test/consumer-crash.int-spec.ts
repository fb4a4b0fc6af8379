import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { EventStore, eventStoreMigrations } from '@kompeten/event-store';
import {
  createTestDatabase,
  createTestTopics,
  eventually,
  migratedDataSource,
  TestDatabase,
  testBrokers,
  testKafka,
  uniqueName,
} from '@kompeten/testing';
import { ConsumerOutcome, encodeRecord, EventConsumer, messagingMigrations } from '../src';
import { buildDist, runNode } from './support/compiled';
import { appendAcrossStreams } from './support/event-log';
import { applications, applyInto, createAppliedTable } from './support/read-model';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('a consumer that crashes between its read-model write and its offset commit', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const kafka: Kafka = testKafka('messaging-consumer-crash');

  beforeAll(async () => {
    buildDist();
    db = await createTestDatabase('consumer_crash');
    ds = await migratedDataSource(db, [...eventStoreMigrations, ...messagingMigrations]);
  }, 120_000);
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('does not apply the event twice when the message comes again', async () => {
    const topic = uniqueName('consumer-crash');
    const group = topic;
    await createTestTopics(kafka, [topic, `${topic}.dlq`], 1);
    await createAppliedTable(ds, 'applied');
    const store = new EventStore(ds);
    await appendAcrossStreams(store, { streams: 2, eventsPerStream: 5, prefix: 'crash' });
    const events = await store.readRecords(0, 100);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: events.map(encodeRecord) });
    await producer.disconnect();

    // A real process, killed by the kernel right after its transaction committed.
    const run = runNode('libs/messaging/test/fixtures/crash-after-apply.cjs', {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testBrokers().join(','),
      TOPIC: topic,
      GROUP: group,
      TABLE: 'applied',
    });
    const exit = await run.exited;
    expect({ signal: exit.signal, output: run.output() }).toEqual({
      signal: 'SIGKILL',
      output: expect.stringContaining(events[0].eventId) as unknown,
    });
    expect(await applications(ds, 'applied')).toEqual({ rows: 1, distinct: 1, twice: [] });
    expect(await committedOffset(kafka, group, topic)).toBe('-1'); // the offset commit never happened

    const outcomes: ConsumerOutcome[] = [];
    const successor = new EventConsumer({
      dataSource: ds,
      kafka,
      name: group,
      groupId: group,
      topics: [topic],
      handle: applyInto('applied'),
      logger: quiet,
      onProcessed: (o) => void outcomes.push(o),
    });
    await successor.start();
    try {
      await eventually(() => (outcomes.length === events.length ? true : undefined), 30_000);
    } finally {
      await successor.stop();
    }
    expect(outcomes[0]).toMatchObject({ offset: '0', eventId: events[0].eventId, result: 'duplicate' });
    expect(outcomes.slice(1).every((o) => o.result === 'applied')).toBe(true);
    expect(await applications(ds, 'applied')).toEqual({ rows: events.length, distinct: events.length, twice: [] });
    expect(await committedOffset(kafka, group, topic)).toBe(String(events.length));
  });
});

async function committedOffset(kafka: Kafka, groupId: string, topic: string): Promise<string> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return partitions[0].offset;
  } finally {
    await admin.disconnect();
  }
}
