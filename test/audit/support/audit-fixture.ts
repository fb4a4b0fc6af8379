import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { EventStore, eventStoreMigrations, PostgresKeyStore } from '@kompeten/event-store';
import { encodeRecord, messagingMigrations, OutboxRelay } from '@kompeten/messaging';
import {
  createTestDatabase,
  createTestTopics,
  eventually,
  migratedDataSource,
  tailTopic,
  TestDatabase,
  TailedMessage,
  uniqueName,
  testKeyEncryptionKeys,
} from '@kompeten/testing';

/**
 * Topics of these tests are not named `test.*`: the suite's global setup deletes every `test.*`
 * topic when a Jest run starts, and on a broker shared by several developers' runs that removed
 * ours mid-test. They are deleted by `deleteAuditTopics` instead.
 */
const created: string[] = [];
export const auditTopicName = (label: string) => {
  const t = `audit-${uniqueName(label)}`;
  created.push(t);
  return t;
};

export async function deleteAuditTopics(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const topics = created.splice(0).filter((t) => existing.has(t));
    if (topics.length) await admin.deleteTopics({ topics, timeout: 30_000 });
  } finally {
    await admin.disconnect();
  }
}

export const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** A service database of its own (event store + messaging tables) and a fresh 6-partition topic. */
export interface AuditFixture {
  db: TestDatabase;
  ds: DataSource;
  store: EventStore;
  topic: string;
  /** Relays everything appended so far to the topic (as the service's relay would, by its name). */
  relayAll(): Promise<void>;
  /** Publishes the log as the relay does (same messages, same keys), in bigger batches: for large logs. */
  publishAll(): Promise<void>;
  headPosition(): Promise<number>;
  close(): Promise<void>;
}

export async function auditFixture(kafka: Kafka, label: string): Promise<AuditFixture> {
  const db = await createTestDatabase(label);
  const ds = await migratedDataSource(db, [...eventStoreMigrations, ...messagingMigrations]);
  const store = new EventStore(ds, { keys: new PostgresKeyStore(ds, testKeyEncryptionKeys()) });
  const topic = auditTopicName(label);
  await createTestTopics(kafka, [topic], 6);
  const headPosition = async () =>
    Number((await ds.query<{ position: string }[]>('select position from es_head'))[0].position);
  return {
    db,
    ds,
    store,
    topic,
    headPosition,
    async relayAll() {
      const relay = new OutboxRelay({
        dataSource: ds,
        kafka,
        topic,
        name: 'enrolment-relay',
        batchSize: 500,
        logger: quiet,
      });
      await relay.start();
      const head = await headPosition();
      await eventually(
        async () =>
          Number(
            (
              await ds.query<{ position: string }[]>(
                `select position from outbox_checkpoint where relay = 'enrolment-relay'`,
              )
            )[0]?.position ?? -1,
          ) >= head
            ? true
            : undefined,
        60_000,
      );
      await relay.stop();
    },
    async publishAll() {
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      try {
        for (let after = 0; ;) {
          const batch = await store.readRecords(after, 400);
          if (!batch.length) return;
          await producer.send({ topic, acks: -1, messages: batch.map(encodeRecord) });
          after = batch[batch.length - 1].position;
        }
      } finally {
        await producer.disconnect();
      }
    },
    async close() {
      await ds.destroy();
      await db.drop();
      await deleteAuditTopics(kafka);
    },
  };
}

/** Writes to es_event behind its append-only trigger, as only a superuser (or an attacker) could. */
export async function tamper(ds: DataSource, sql: string, params: unknown[] = []): Promise<void> {
  await ds.query('alter table es_event disable trigger es_event_append_only');
  try {
    await ds.query(sql, params);
  } finally {
    await ds.query('alter table es_event enable trigger es_event_append_only');
  }
}

/** Deletes one row and returns a function that puts it back exactly. */
export async function deleteRow(ds: DataSource, position: number): Promise<() => Promise<void>> {
  const [{ row }] = await ds.query<{ row: unknown }[]>(
    'select to_jsonb(e) as row from es_event e where position = $1',
    [position],
  );
  await tamper(ds, 'delete from es_event where position = $1', [position]);
  return async () => {
    await ds.query('insert into es_event select * from jsonb_populate_record(null::es_event, $1::jsonb)', [
      JSON.stringify(row),
    ]);
  };
}

/** Every message on the topic now, partition by partition. */
export async function wholeTopic(kafka: Kafka, topic: string): Promise<TailedMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const total = offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
  const messages = await tailTopic(
    kafka,
    topic,
    new Map(offsets.map((p) => [p.partition, p.low])),
    (m) => m.length >= total,
  );
  return messages.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}

/** A second topic holding the given messages, each in the partition it came from. */
export async function copyTopic(kafka: Kafka, label: string, messages: TailedMessage[]): Promise<string> {
  const topic = auditTopicName(label);
  await createTestTopics(kafka, [topic], 6);
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({
      topic,
      messages: messages.map((m) => ({ partition: m.partition, key: m.key, value: m.value, headers: m.headers })),
    });
  } finally {
    await producer.disconnect();
  }
  return topic;
}

export const positionOf = (m: TailedMessage) => (JSON.parse(m.value!) as { position: number }).position;
