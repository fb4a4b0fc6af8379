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
  testBrokers,
  testKafka,
  uniqueName,
} from '@kompeten/testing';
import { ConsumerOutcome, decodeMessage, EventConsumer, messagingMigrations } from '../src';
import { buildDist, ChildRun, runNode } from './support/compiled';
import { appendAcrossStreams } from './support/event-log';
import { applications, applyInto, createAppliedTable } from './support/read-model';
import { readWholeTopic, topicSize } from './support/topic-reader';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('an outbox relay killed mid-batch and restarted', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let store: EventStore;
  const kafka: Kafka = testKafka('messaging-relay-crash');
  const runs: ChildRun[] = [];

  beforeAll(async () => {
    buildDist();
    db = await createTestDatabase('relay_crash');
    ds = await migratedDataSource(db, [...eventStoreMigrations, ...messagingMigrations]);
    store = new EventStore(ds);
  }, 120_000);
  afterAll(async () => {
    for (const r of runs) r.child.kill('SIGKILL');
    await ds.destroy();
    await db.drop();
  });

  it('gets every event to Kafka, and a consumer applies each exactly once', async () => {
    const topic = uniqueName('relay-crash');
    const name = 'enrolment';
    await createTestTopics(kafka, [topic, `${topic}.dlq`], 3);
    const relayProcess = () => {
      const run = runNode('dist/libs/messaging/src/cli/run-relay.js', {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: testBrokers().join(','),
        TOPIC: topic,
        RELAY_NAME: name,
        RELAY_BATCH_SIZE: '25',
        RELAY_POLL_INTERVAL_MS: '200',
      });
      runs.push(run);
      return run;
    };
    const checkpoint = async () =>
      Number(
        (await ds.query<{ position: string }[]>('select position from outbox_checkpoint where relay = $1', [name]))[0]
          ?.position ?? 0,
      );
    await appendAcrossStreams(store, { streams: 10, eventsPerStream: 30, perAppend: 3, prefix: 'before' });

    const first = relayProcess();
    await eventually(async () => ((await checkpoint()) > 0 ? true : undefined), 30_000);
    // Freeze the checkpoint table so that the next batch is sent but cannot be recorded, then kill
    // the relay in exactly that window: sent to Kafka, checkpoint not advanced.
    const blocker = new Client({ connectionString: db.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table outbox_checkpoint in exclusive mode');
    const frozenAt = await checkpoint();
    await appendAcrossStreams(store, { streams: 10, eventsPerStream: 3, prefix: 'during' });
    await eventually(async () => ((await topicSize(kafka, topic)) > frozenAt ? true : undefined), 30_000);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    // The dead relay's backend is still queued on our lock and would commit its update once we let go;
    // end it as Postgres would on noticing the lost client, then let go.
    await blocker.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = current_database()`,
      [`kompeten-relay:${name}`],
    );
    await blocker.query('rollback');
    await blocker.end();
    expect(await checkpoint()).toBe(frozenAt);

    const second = relayProcess();
    await appendAcrossStreams(store, { streams: 10, eventsPerStream: 3, prefix: 'after' });
    const head = (await store.head()).position;
    await eventually(async () => ((await checkpoint()) === head ? true : undefined), 30_000);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    expect(second.output()).toMatch(/stopped cleanly after SIGTERM/);

    const messages = await readWholeTopic(kafka, topic);
    const records = messages.map(decodeMessage);
    const stored = await store.readRecords(0, 10_000);
    expect(new Set(records.map((r) => r.eventId))).toEqual(new Set(stored.map((r) => r.eventId)));
    expect(messages.length).toBeGreaterThan(stored.length); // the batch in flight at the crash went out twice
    // Per stream, first deliveries are in order 1, 2, 3, …; and the Kafka copy still verifies as a chain.
    const firstSeen = new Map<string, number[]>();
    const seen = new Set<string>();
    for (const r of records)
      if (!seen.has(r.eventId)) {
        seen.add(r.eventId);
        firstSeen.set(r.streamId, [...(firstSeen.get(r.streamId) ?? []), r.streamVersion]);
      }
    for (const versions of firstSeen.values()) expect(versions).toEqual(versions.map((_, i) => i + 1));
    const unique = [...new Map(records.map((r) => [r.position, r])).values()].sort((a, b) => a.position - b.position);
    expect(await verifyChain(unique)).toMatchObject({ ok: true, count: head });

    await createAppliedTable(ds, 'applied');
    const outcomes: ConsumerOutcome[] = [];
    const consumer = new EventConsumer({
      dataSource: ds,
      kafka,
      name: 'crash-read-model',
      groupId: uniqueName('crash-read-model'),
      topics: [topic],
      handle: applyInto('applied'),
      logger: quiet,
      onProcessed: (o) => void outcomes.push(o),
    });
    await consumer.start();
    try {
      await eventually(() => (outcomes.length === messages.length ? true : undefined), 30_000);
    } finally {
      await consumer.stop();
    }
    expect(await applications(ds, 'applied')).toEqual({ rows: head, distinct: head, twice: [] });
    expect(outcomes.filter((o) => o.result === 'duplicate')).toHaveLength(messages.length - head);
  });
});
