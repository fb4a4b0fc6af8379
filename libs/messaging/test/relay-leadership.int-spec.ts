import { Client } from 'pg';
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
import { messagingMigrations, OutboxRelay } from '../src';
import { dedicatedConnection } from '../src/postgres/pg-connection';
import { RelayLeadership } from '../src/outbox/relay-leadership';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe("the relay leader's Postgres session", () => {
  let db: TestDatabase;
  let ds: DataSource;
  let admin: Client;

  beforeAll(async () => {
    db = await createTestDatabase('relay_leader');
    ds = await migratedDataSource(db, [...eventStoreMigrations, ...messagingMigrations]);
    admin = new Client({ connectionString: db.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await ds.destroy();
    await db.drop();
  });

  it('probes an idle connection after 10 s at both ends and bounds statements and open transactions', async () => {
    const name = uniqueName('leader-session');
    const leadership = await RelayLeadership.tryAcquire(dedicatedConnection(ds, `kompeten-relay:${name}`), name);
    try {
      const show = async (setting: string) =>
        (await leadership!.client.query<Record<string, string>>(`show ${setting}`)).rows[0][setting];
      // Today: 0 (no limit), 0, and the OS default (2 hours) for the keepalives.
      expect({
        statement_timeout: await show('statement_timeout'),
        idle_in_transaction_session_timeout: await show('idle_in_transaction_session_timeout'),
        tcp_keepalives_idle: await show('tcp_keepalives_idle'),
        tcp_keepalives_interval: await show('tcp_keepalives_interval'),
        tcp_keepalives_count: await show('tcp_keepalives_count'),
      }).toEqual({
        statement_timeout: '30s',
        idle_in_transaction_session_timeout: '1min',
        tcp_keepalives_idle: '10',
        tcp_keepalives_interval: '5',
        tcp_keepalives_count: '3',
      });
      // The client end probes too (node's socket keepalive, set when the connection was made).
      const connection = (leadership!.client as unknown as { connection: Record<string, unknown> }).connection;
      expect(connection).toMatchObject({ _keepAlive: true, _keepAliveInitialDelayMillis: 10_000 });
    } finally {
      await leadership?.release();
    }
  });

  it('is taken back by a relay whose leader session the server ended', async () => {
    const kafka = testKafka('messaging-relay-leader');
    const topic = uniqueName('relay-leader');
    await createTestTopics(kafka, [topic], 1);
    const store = new EventStore(ds);
    const relay = new OutboxRelay({
      dataSource: ds,
      kafka,
      topic,
      name: topic,
      logger: quiet,
      pollIntervalMs: 100,
      backoff: { initialMs: 50, maxMs: 200 },
    });
    const leaderPid = async () =>
      (
        await admin.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [
          `kompeten-relay:${topic}`.slice(0, 63),
        ])
      ).rows[0]?.pid;
    await relay.start();
    try {
      const first = await eventually(leaderPid);
      await admin.query('select pg_terminate_backend($1)', [first]);
      const second = await eventually(async () => {
        const pid = await leaderPid();
        return pid !== undefined && pid !== first && relay.stats().role === 'leader' ? pid : undefined;
      });
      expect(second).not.toBe(first);
      await store.append('after-kill', 'no-stream', [{ type: 'BudgetOpened', data: {} }], {
        actor: 't',
        correlationId: 'c',
        causationId: null,
      });
      const head = (await store.head()).position;
      await eventually(() => (relay.stats().lastRelayedPosition >= head ? true : undefined));
    } finally {
      await relay.stop();
    }
  });
});
