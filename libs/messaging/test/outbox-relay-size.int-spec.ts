import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { EventStore, eventStoreMigrations } from '@kompeten/event-store';
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
import { readWholeTopic } from './support/topic-reader';

// The broker's default max.message.bytes is 1 048 588 (the test broker keeps it): a partition's share
// of one send is one record batch, refused whole when it is larger, however small each event is.
const BROKER_LIMIT = 1_048_588;
const meta = { actor: 'service:test', correlationId: 'corr-size', causationId: null };

describe('the outbox relay with events that together exceed what the broker takes in one request', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let store: EventStore;
  const kafka: Kafka = testKafka('messaging-relay-size');
  const relays: OutboxRelay[] = [];
  const errors: string[] = [];
  const logger = { log: () => undefined, warn: () => undefined, error: (m: string) => void errors.push(m) };

  const relay = (options: Partial<OutboxRelayOptions> & { topic: string; name: string }) => {
    const r = new OutboxRelay({ dataSource: ds, kafka, logger, pollIntervalMs: 200, ...options });
    relays.push(r);
    return r;
  };
  const checkpoint = async (name: string) =>
    Number(
      (await ds.query<{ position: string }[]>('select position from outbox_checkpoint where relay = $1', [name]))[0]
        ?.position ?? 0,
    );
  /** `count` events of ~`bytes` each on one stream (so one partition), one append per event. */
  const appendLarge = async (streamId: string, count: number, bytes: number) => {
    for (let i = 0; i < count; i++)
      await store.append(
        streamId,
        'any',
        [{ type: 'ReportAttached', data: { seq: i, blob: 'x'.repeat(bytes) } }],
        meta,
      );
  };

  beforeAll(async () => {
    db = await createTestDatabase('relay_size');
    ds = await migratedDataSource(db, [...eventStoreMigrations, ...messagingMigrations]);
    store = new EventStore(ds);
    // 40 events of 60 kB on one stream: 2.4 MB in the log, over twice the broker's limit per batch.
    await appendLarge('report-1', 40, 60_000);
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('caps each send by bytes, so a partition gets them all, in order, from one read of 200 events', async () => {
    const topic = uniqueName('relay-bytes');
    await createTestTopics(kafka, [topic], 1);
    const r = relay({ topic, name: topic });
    await r.start();
    const head = (await store.head()).position;
    // Today's relay sends all 40 in one request, is refused (MESSAGE_TOO_LARGE) and retries it forever.
    await eventually(async () => ((await checkpoint(topic)) >= head ? true : undefined), 45_000);

    const messages = await readWholeTopic(kafka, topic);
    expect(messages.map((m) => decodeMessage(m).streamVersion)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(messages.every((m) => (m.value?.length ?? 0) > 60_000)).toBe(true);
    expect(r.stats()).toMatchObject({ relayedTotal: 40, parkedTotal: 0, backlog: 0 });
    expect(errors).toEqual([]);
  });

  it('splits a send the broker refuses as too large, and parks an event it refuses even alone', async () => {
    await appendLarge('report-2', 3, 1_000);
    await appendLarge('report-2', 1, BROKER_LIMIT + 100_000);
    const giant = await store.head();
    await appendLarge('report-2', 3, 1_000);
    const head = (await store.head()).position;
    const topic = uniqueName('relay-split');
    await createTestTopics(kafka, [topic], 1);
    // No byte cap to speak of (as with a broker whose limit is below the relay's): only the broker's
    // refusal makes the relay split, down to the one event that can never be sent.
    const r = relay({ topic, name: topic, maxBatchBytes: 100_000_000 });
    await r.start();
    await eventually(async () => ((await checkpoint(topic)) >= head ? true : undefined), 45_000);

    const versions = (await readWholeTopic(kafka, topic))
      .map(decodeMessage)
      .filter((e) => e.streamId === 'report-2')
      .map((e) => e.streamVersion);
    // Each of report-2's events once, in order, except the giant (version 4).
    expect(versions.filter((v, i) => versions.indexOf(v) === i)).toEqual([1, 2, 3, 5, 6, 7]);
    const parked = await ds.query<{ position: string; event_id: string; type: string; bytes: number }[]>(
      'select position, event_id, type, bytes from outbox_parked where relay = $1',
      [topic],
    );
    const [giantRecord] = await store.readRecords(giant.position - 1, 1);
    expect(parked.map(({ position, event_id, type }) => ({ position, event_id, type }))).toEqual([
      { position: String(giant.position), event_id: giantRecord.eventId, type: 'ReportAttached' },
    ]);
    expect(parked[0].bytes).toBeGreaterThan(BROKER_LIMIT);
    expect(r.stats()).toMatchObject({ parkedTotal: 1, backlog: 0 });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`position ${giant.position}`);
    expect(errors[0]).toContain('outbox_parked');
    expect(errors[0]).not.toContain('report-2');
  });
});
