import type { Kafka } from 'kafkajs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { EventStore, eventStoreMigrations, verifyChain } from '@kompeten/event-store';
import {
  createTestDatabase,
  createTestTopics,
  eventually,
  migratedDataSource,
  TestDatabase,
  testKafka,
  uniqueName,
} from '@kompeten/testing';
import { decodeMessage, messagingMigrations, OutboxRelay, OutboxRelayOptions } from '../src';
import { appendAcrossStreams } from './support/event-log';
import { readWholeTopic } from './support/topic-reader';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('the outbox relay', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let store: EventStore;
  const kafka: Kafka = testKafka('messaging-relay');
  const relays: OutboxRelay[] = [];

  const relay = (options: Partial<OutboxRelayOptions> & { topic: string; name: string }) => {
    const r = new OutboxRelay({ dataSource: ds, kafka, logger: quiet, pollIntervalMs: 200, ...options });
    relays.push(r);
    return r;
  };
  const relayedUpTo = async (name: string, position: number) =>
    eventually(async () => {
      const [row] = await ds.query<{ position: string }[]>('select position from outbox_checkpoint where relay = $1', [
        name,
      ]);
      return Number(row?.position) >= position ? true : undefined;
    }, 30_000);

  beforeAll(async () => {
    db = await createTestDatabase('relay');
    ds = await migratedDataSource(db, [...eventStoreMigrations, ...messagingMigrations]);
    store = new EventStore(ds);
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('publishes every committed event keyed by stream id, with its headers, in per-stream order', async () => {
    const topic = uniqueName('relay-order');
    await createTestTopics(kafka, [topic], 3);
    const r = relay({ topic, name: topic, batchSize: 37 });
    await r.start();
    await appendAcrossStreams(store, { streams: 8, eventsPerStream: 30, perAppend: 3, prefix: 'order' });
    const head = (await store.head()).position;
    await relayedUpTo(topic, head);

    const messages = await readWholeTopic(kafka, topic);
    // A new relay name starts at position 0: the topic gets the whole log (the other tests' events too).
    const stored = await store.readRecords(0, 10_000);
    expect(messages).toHaveLength(stored.length);
    const byId = new Map(messages.map((m) => [m.headers['event-id'], m]));
    for (const record of stored) {
      const m = byId.get(record.eventId)!;
      expect(m.key).toBe(record.streamId);
      expect(m.headers).toEqual({
        'content-type': 'application/json',
        type: 'FundsCommitted',
        'schema-version': '1',
        'event-id': record.eventId,
        'stream-id': record.streamId,
        position: String(record.position),
        'correlation-id': record.metadata.correlationId,
        'causation-id': '',
        traceparent: record.metadata.traceparent,
      });
      expect(decodeMessage(m)).toEqual(record);
    }
    // Within a partition, each stream's versions arrive as 1, 2, 3, … with nothing missing or swapped.
    const versions = new Map<string, number[]>();
    for (const m of messages) versions.set(m.key!, [...(versions.get(m.key!) ?? []), decodeMessage(m).streamVersion]);
    for (let i = 0; i < 8; i++) expect(versions.get(`order-${i}`)).toEqual(Array.from({ length: 30 }, (_, v) => v + 1));
    expect(new Set(messages.filter((m) => m.key === 'order-0').map((m) => m.partition)).size).toBe(1);
    expect(r.stats()).toMatchObject({ role: 'leader', lastRelayedPosition: head, backlog: 0 });
  });

  it('lets an auditor re-verify the whole hash chain from the topic alone', async () => {
    const topic = uniqueName('relay-chain');
    await createTestTopics(kafka, [topic], 3);
    await appendAcrossStreams(store, { streams: 3, eventsPerStream: 5, prefix: 'chain' });
    const head = await store.head();
    await relay({ topic, name: topic }).start();
    await relayedUpTo(topic, head.position);
    const fromKafka = (await readWholeTopic(kafka, topic)).map(decodeMessage).sort((a, b) => a.position - b.position);
    expect(await verifyChain(fromKafka)).toMatchObject({ ok: true, count: head.position, headHash: head.hash });
  });

  it('is woken by the commit when polling is effectively off, also after its LISTEN connection was killed', async () => {
    const topic = uniqueName('relay-notify');
    await createTestTopics(kafka, [topic], 1);
    const r = relay({ topic, name: topic, pollIntervalMs: 600_000 });
    await r.start();
    await relayedUpTo(topic, (await store.head()).position);
    await store.append('notify-1', 'no-stream', [{ type: 'BudgetOpened', data: {} }], {
      actor: 't',
      correlationId: 'c',
      causationId: null,
    });
    await relayedUpTo(topic, (await store.head()).position);

    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const listeners = async (): Promise<{ pid: number }[]> =>
      (
        await admin.query<{ pid: number }>(
          `select pid from pg_stat_activity where application_name = $1 and state = 'idle' and query ilike 'listen%'`,
          [`kompeten-relay-listen:${topic}`],
        )
      ).rows;
    const [{ pid }] = await listeners();
    await admin.query('select pg_terminate_backend($1)', [pid]);
    // A new LISTEN session (another backend) replaces the killed one.
    await eventually(async () => (await listeners()).find((r) => r.pid !== pid));
    await admin.end();
    await store.append('notify-2', 'no-stream', [{ type: 'BudgetOpened', data: {} }], {
      actor: 't',
      correlationId: 'c',
      causationId: null,
    });
    await relayedUpTo(topic, (await store.head()).position);
    expect((await readWholeTopic(kafka, topic)).map((m) => m.key)).toContain('notify-2');
  });

  it('runs one leader per name: a standby takes over from the checkpoint when the leader stops', async () => {
    const topic = uniqueName('relay-standby');
    await createTestTopics(kafka, [topic], 3);
    const first = relay({ topic, name: topic, standbyRetryMs: 200 });
    const second = relay({ topic, name: topic, standbyRetryMs: 200 });
    await first.start();
    await eventually(() => (first.stats().role === 'leader' ? true : undefined));
    await second.start();
    await appendAcrossStreams(store, { streams: 4, eventsPerStream: 5, prefix: 'standby-a' });
    await relayedUpTo(topic, (await store.head()).position);
    expect([first.stats().role, second.stats().role]).toEqual(['leader', 'standby']);

    await first.stop();
    await eventually(() => (second.stats().role === 'leader' ? true : undefined));
    await appendAcrossStreams(store, { streams: 4, eventsPerStream: 5, prefix: 'standby-b' });
    const head = (await store.head()).position;
    await relayedUpTo(topic, head);

    // A clean hand-over re-sends nothing: each event exactly once.
    const ids = (await readWholeTopic(kafka, topic)).map((m) => m.headers['event-id']);
    expect(ids).toHaveLength(head);
    expect(new Set(ids).size).toBe(head);
    expect(second.stats().relayedTotal).toBe(20);
  });
});
