import type { Kafka, Producer } from 'kafkajs';
import type { DataSource, QueryRunner } from 'typeorm';
import { EventStore, eventStoreMigrations, StoredEvent } from '@kompeten/event-store';
import {
  createTestDatabase,
  createTestTopics,
  eventually,
  migratedDataSource,
  TestDatabase,
  testKafka,
  uniqueName,
} from '@kompeten/testing';
import { appendAcrossStreams } from '../../test/support/event-log';
import { encodeRecord } from '../wire/event-message';
import { messagingMigrations } from '../schema';
import { EventConsumer } from './event-consumer';
import type { ConsumerOutcome } from './event-consumer-options';
import { eventHandler, withApplyBatch } from './event-handler';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const consumerConfig = { heartbeatInterval: 300, sessionTimeout: 10_000, maxWaitTimeInMs: 250 };

// A read model that is not idempotent by itself (a sum), so a double application would show.
const sumOne = (table: string) => async (e: StoredEvent, tx: QueryRunner) => {
  await tx.query(
    `insert into "${table}" (stream_id, total, events) values ($1, $2, 1)
     on conflict (stream_id) do update set total = "${table}".total + excluded.total, events = "${table}".events + 1`,
    [e.streamId, (e.data as { amount: number }).amount],
  );
};
const sumBatch = (table: string, calls: number[]) => async (events: StoredEvent[], tx: QueryRunner) => {
  calls.push(events.length);
  await tx.query(
    `insert into "${table}" (stream_id, total, events)
     select stream_id, sum(amount), count(*) from unnest($1::text[], $2::bigint[]) as e(stream_id, amount) group by stream_id
     on conflict (stream_id) do update set total = "${table}".total + excluded.total, events = "${table}".events + excluded.events`,
    [events.map((e) => e.streamId), events.map((e) => (e.data as { amount: number }).amount)],
  );
};

describe('a read-model consumer whose handler applies a batch in one statement', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let store: EventStore;
  let producer: Producer;
  const kafka: Kafka = testKafka('messaging-apply-batch');
  const consumers: EventConsumer[] = [];

  const table = async (name: string) => {
    await ds.query(`create table "${name}" (stream_id text primary key, total bigint not null, events int not null)`);
    return name;
  };
  const rows = (name: string) => ds.query(`select stream_id, total::int, events from "${name}" order by stream_id`);

  beforeAll(async () => {
    db = await createTestDatabase('apply_batch');
    ds = await migratedDataSource(db, [...eventStoreMigrations, ...messagingMigrations]);
    store = new EventStore(ds);
    producer = kafka.producer();
    await producer.connect();
  });
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
  });
  afterAll(async () => {
    await producer.disconnect();
    await ds.destroy();
    await db.drop();
  });

  const consume = async (topic: string, handle: EventConsumer['options']['handle'], expected: number) => {
    const outcomes: ConsumerOutcome[] = [];
    const c = new EventConsumer({
      dataSource: ds,
      kafka,
      name: topic,
      groupId: topic,
      topics: [topic],
      logger: quiet,
      consumerConfig,
      backoff: { initialMs: 20, maxMs: 200 },
      applyInBatches: true,
      handle,
      onProcessed: (o) => void outcomes.push(o),
    });
    consumers.push(c);
    await c.start();
    await eventually(() => (outcomes.length === expected ? true : undefined));
    return outcomes;
  };

  it('ends with the table the handler builds event by event, each event applied once despite redelivery', async () => {
    const from = (await store.head()).position;
    await appendAcrossStreams(store, { streams: 4, eventsPerStream: 30, prefix: 'batch' });
    const records = await store.readRecords(from, 1_000);
    const [oneByOne, batched] = [uniqueName('apply-one'), uniqueName('apply-batch')];
    await createTestTopics(kafka, [oneByOne, `${oneByOne}.dlq`, batched, `${batched}.dlq`], 1);
    // The batched topic holds every event twice (a redelivery), the second copies after the first.
    await producer.send({ topic: oneByOne, acks: -1, messages: records.map(encodeRecord) });
    await producer.send({ topic: batched, acks: -1, messages: [...records, ...records].map(encodeRecord) });
    const [single, set] = [await table('sum_one'), await table('sum_batch')];
    const calls: number[] = [];

    await consume(oneByOne, sumOne(single), records.length);
    const outcomes = await consume(
      batched,
      withApplyBatch(eventHandler({ FundsCommitted: sumOne(set) }), sumBatch(set, calls)),
      2 * records.length,
    );

    expect(await rows(set)).toEqual(await rows(single));
    expect(outcomes.filter((o) => o.result === 'applied')).toHaveLength(records.length);
    expect(outcomes.filter((o) => o.result === 'duplicate')).toHaveLength(records.length);
    expect(Math.max(...calls)).toBeGreaterThan(1); // slices went through applyBatch, not event by event
  });

  it('applies a slice whose batch statement fails one event at a time, with the ordinary handler', async () => {
    const from = (await store.head()).position;
    await appendAcrossStreams(store, { streams: 2, eventsPerStream: 10, prefix: 'fails' });
    const records = await store.readRecords(from, 1_000);
    const topic = uniqueName('apply-batch-fails');
    await createTestTopics(kafka, [topic, `${topic}.dlq`], 1);
    await producer.send({ topic, acks: -1, messages: records.map(encodeRecord) });
    const sums = await table('sum_fails');
    const failing = () => Promise.reject(new Error('the batch statement fails'));

    const outcomes = await consume(topic, withApplyBatch(sumOne(sums), failing), records.length);

    expect(outcomes.map((o) => o.result)).toEqual(records.map(() => 'applied'));
    expect(await rows(sums)).toEqual([
      { stream_id: 'fails-0', total: 55_000, events: 10 },
      { stream_id: 'fails-1', total: 55_000, events: 10 },
    ]);
  });
});
