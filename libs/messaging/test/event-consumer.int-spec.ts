import type { Kafka, Message, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { DomainEvent, EventRecord, EventStore, eventStoreMigrations } from '@kompeten/event-store';
import {
  createTestDatabase,
  createTestTopics,
  eventually,
  migratedDataSource,
  TestDatabase,
  testKafka,
  uniqueName,
} from '@kompeten/testing';
import {
  ConsumerOutcome,
  encodeRecord,
  EventConsumer,
  EventConsumerOptions,
  eventHandler,
  messagingMigrations,
} from '../src';
import { appendAcrossStreams } from './support/event-log';
import { applications, applyInto, createAppliedTable } from './support/read-model';
import { readWholeTopic, topicSize } from './support/topic-reader';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
// Fast rebalances and short fetch waits: the tests join and leave groups often.
const consumerConfig = { heartbeatInterval: 300, sessionTimeout: 10_000, maxWaitTimeInMs: 250 };

// Every scenario twice: one transaction per message, and one per batch (applyInBatches), where a
// batch with anything unusual in it is rolled back and applied message by message.
describe.each([false, true])('an event consumer (applyInBatches: %s)', (applyInBatches) => {
  let db: TestDatabase;
  let ds: DataSource;
  let store: EventStore;
  let producer: Producer;
  const kafka: Kafka = testKafka('messaging-consumer');
  const consumers: EventConsumer[] = [];

  const records = async (prefix: string, streams: number, perStream: number): Promise<EventRecord[]> => {
    const from = (await store.head()).position;
    await appendAcrossStreams(store, { streams, eventsPerStream: perStream, prefix });
    return store.readRecords(from, 10_000);
  };
  const setup = async (label: string, partitions = 1) => {
    const topic = uniqueName(`${label}${applyInBatches ? '-b' : ''}`);
    await createTestTopics(kafka, [topic, `${topic}.dlq`], partitions);
    const table = `applied_${label.replace(/\W/g, '_')}${applyInBatches ? '_b' : ''}`;
    await createAppliedTable(ds, table);
    return { topic, table, dlq: `${topic}.dlq` };
  };
  const consumer = (options: Partial<EventConsumerOptions> & Pick<EventConsumerOptions, 'topics' | 'handle'>) => {
    const c = new EventConsumer({
      dataSource: ds,
      kafka,
      name: options.topics[0],
      groupId: options.topics[0],
      logger: quiet,
      consumerConfig,
      backoff: { initialMs: 20, maxMs: 200 },
      applyInBatches,
      ...options,
    });
    consumers.push(c);
    return c;
  };
  const send = (topic: string, messages: Message[]) => producer.send({ topic, acks: -1, messages });

  beforeAll(async () => {
    db = await createTestDatabase('consumer');
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

  it('parks a poison message on the dead-letter topic with its reason and keeps going', async () => {
    const { topic, table, dlq } = await setup('poison');
    const [a, b, c, d] = await records('poison', 1, 4);
    const garbage = { key: a.streamId, value: Buffer.from([0xff, 0xfe, 0x00, 0x7b]) };
    const fromTheFuture = encodeRecord({ ...d, schemaVersion: 99 });
    await send(topic, [encodeRecord(a), garbage, encodeRecord(b), fromTheFuture, encodeRecord(c)]);
    const outcomes: ConsumerOutcome[] = [];
    const c1 = consumer({ topics: [topic], handle: applyInto(table), onProcessed: (o) => void outcomes.push(o) });
    await c1.start();

    await eventually(() => (outcomes.length === 5 ? true : undefined));
    expect(outcomes.map((o) => [o.offset, o.result, o.reason])).toEqual([
      ['0', 'applied', undefined],
      ['1', 'dead-lettered', 'not-json'],
      ['2', 'applied', undefined],
      ['3', 'dead-lettered', 'unknown-schema-version'],
      ['4', 'applied', undefined],
    ]);
    expect(await applications(ds, table)).toEqual({ rows: 3, distinct: 3, twice: [] });
    const parked = await eventually(async () => {
      const m = await readWholeTopic(kafka, dlq);
      return m.length === 2 ? m : undefined;
    });
    expect(parked.map((m) => m.headers)).toEqual([
      expect.objectContaining({
        'dlq-reason': 'not-json',
        'dlq-source-topic': topic,
        'dlq-source-partition': '0',
        'dlq-source-offset': '1',
        'dlq-consumer': topic,
      }),
      expect.objectContaining({
        'dlq-reason': 'unknown-schema-version',
        'dlq-source-offset': '3',
        'event-id': d.eventId,
        type: d.type,
      }),
    ]);
    expect(parked[0].value).toEqual(garbage.value);
    expect(parked[1].value?.toString()).toBe(fromTheFuture.value);
    expect(parked[1].headers['dlq-error']).toMatch(/v99/);
    // Offsets are committed every second (or 500 messages), after the messages' transactions.
    await eventually(async () => ((await committedOffsets(kafka, topic, topic))[0] === '5' ? true : undefined));
  });

  it('retries a failing handler a few times, then dead-letters the event and applies the next', async () => {
    const { topic, table, dlq } = await setup('handler-fails');
    const [bad, good] = await records('handler-fails', 1, 2);
    await send(topic, [bad, good].map(encodeRecord));
    const calls: string[] = [];
    const c1 = consumer({
      topics: [topic],
      maxAttempts: 3,
      handle: async (event, tx) => {
        calls.push(event.eventId);
        if (event.eventId === bad.eventId) throw new TypeError('programme has no cost per participant');
        await applyInto(table)(event, tx);
      },
    });
    await c1.start();
    await eventually(() => (c1.stats().applied === 1 ? true : undefined));
    // In batches, the batch's own attempt comes first; then each message alone, as without batching.
    expect(calls).toEqual([
      ...(applyInBatches ? [bad.eventId] : []),
      bad.eventId,
      bad.eventId,
      bad.eventId,
      good.eventId,
    ]);
    const [parked] = await eventually(async () => {
      const m = await readWholeTopic(kafka, dlq);
      return m.length ? m : undefined;
    });
    expect(parked.headers).toMatchObject({
      'dlq-reason': 'handler-failed',
      'event-id': bad.eventId,
      'dlq-error': 'TypeError: programme has no cost per participant',
    });
    expect(await applications(ds, table)).toEqual({ rows: 1, distinct: 1, twice: [] });
  });

  it('retries a transient database error instead of dead-lettering it, and applies the event once', async () => {
    const { topic, table, dlq } = await setup('transient');
    const [event] = await records('transient', 1, 1);
    await send(topic, [encodeRecord(event)]);
    let attempts = 0;
    const outcomes: ConsumerOutcome[] = [];
    const c1 = consumer({
      // One attempt for an ordinary error: only a transient one may be retried here.
      topics: [topic],
      maxAttempts: 1,
      onProcessed: (o) => void outcomes.push(o),
      handle: async (e, tx) => {
        // The real thing: Postgres ends our session mid-transaction (SQLSTATE 57P01), twice.
        if (++attempts <= 2) await tx.query('select pg_terminate_backend(pg_backend_pid())');
        await applyInto(table)(e, tx);
      },
    });
    await c1.start();
    await eventually(() => (outcomes.length === 1 ? true : undefined));
    // The batch's attempt (one termination) does not count among the message's own attempts.
    expect(outcomes[0]).toMatchObject({ result: 'applied', attempts: applyInBatches ? 2 : 3 });
    expect(await applications(ds, table)).toEqual({ rows: 1, distinct: 1, twice: [] });
    expect(await topicSize(kafka, dlq)).toBe(0);
  });

  it('skips a redelivered event it has already applied', async () => {
    const { topic, table } = await setup('redelivery');
    const [event] = await records('redelivery', 1, 1);
    await send(topic, [encodeRecord(event), encodeRecord(event)]);
    const outcomes: ConsumerOutcome[] = [];
    await consumer({ topics: [topic], handle: applyInto(table), onProcessed: (o) => void outcomes.push(o) }).start();
    await eventually(() => (outcomes.length === 2 ? true : undefined));
    expect(outcomes.map((o) => o.result)).toEqual(['applied', 'duplicate']);
    expect(await applications(ds, table)).toEqual({ rows: 1, distinct: 1, twice: [] });
  });

  it('skips event types it does not handle, even in a schema version it could not read', async () => {
    const { topic, table, dlq } = await setup('types');
    const [handled, other] = await records('types', 1, 2);
    const newerElsewhere = { ...other, type: 'ProgrammeRevised', schemaVersion: 3 };
    await send(topic, [encodeRecord(newerElsewhere), encodeRecord(handled)]);
    const outcomes: ConsumerOutcome[] = [];
    await consumer({
      topics: [topic],
      handle: eventHandler<DomainEvent<'FundsCommitted'>>({ FundsCommitted: applyInto(table) }),
      onProcessed: (o) => void outcomes.push(o),
    }).start();
    await eventually(() => (outcomes.length === 2 ? true : undefined));
    expect(outcomes.map((o) => [o.eventId, o.result])).toEqual([
      [other.eventId, 'ignored'],
      [handled.eventId, 'applied'],
    ]);
    expect(await topicSize(kafka, dlq)).toBe(0);
  });

  it('shares the partitions with another member of its group, and each event is applied once', async () => {
    const { topic, table } = await setup('group', 3);
    const handle = applyInto(table);
    const [c1, c2] = [consumer({ topics: [topic], handle }), consumer({ topics: [topic], handle })];
    await c1.start();
    await c2.start();
    const partitionsOf = (c: EventConsumer) => c.stats().assignment[topic] ?? [];
    await eventually(() => {
      const [p1, p2] = [partitionsOf(c1), partitionsOf(c2)];
      return p1.length && p2.length && new Set([...p1, ...p2]).size === 3 && p1.length + p2.length === 3
        ? true
        : undefined;
    }, 30_000);
    const events = await records('group', 9, 4);
    // Explicit partitions, so that every partition (and so both members) gets work.
    await send(
      topic,
      events.map((r) => ({ ...encodeRecord(r), partition: Number(r.streamId.split('-')[1]) % 3 })),
    );
    await eventually(async () => ((await applications(ds, table)).rows >= events.length ? true : undefined), 30_000);
    expect(await applications(ds, table)).toEqual({ rows: events.length, distinct: events.length, twice: [] });
    expect(c1.stats().applied).toBeGreaterThan(0);
    expect(c2.stats().applied).toBeGreaterThan(0);
    expect(c1.stats().applied + c2.stats().applied).toBe(events.length);
  });
});

async function committedOffsets(kafka: Kafka, groupId: string, topic: string): Promise<Record<number, string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return Object.fromEntries(partitions.map((p) => [p.partition, p.offset]));
  } finally {
    await admin.disconnect();
  }
}
