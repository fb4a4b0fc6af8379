import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AuditHttpModule } from '@kompeten/audit';
import { EventStore, eventStoreMigrations } from '@kompeten/event-store';
import { messagingMigrations } from '@kompeten/messaging';
import { createTestDatabase, eventually, migratedDataSource, TestDatabase } from '@kompeten/testing';

const CAP = 4;
const REQUESTS = 12;

// Before: every audit request opened a Postgres connection of its own, so a burst of auditors' calls
// opened as many backends as requests. Now one pool per service, capped: requests beyond wait their turn.
describe('the auditors’ HTTP endpoints under a burst of requests', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let admin: Client;
  // The module alone (no identity guard): what is under test is its use of Postgres, not who may call.
  let app: INestApplication<Server>;
  // A role limited to CAP connections: the server itself refuses a 5th, so exceeding the cap fails
  // requests instead of going unnoticed.
  const role = `audit_pool_${randomBytes(4).toString('hex')}`;
  let arrived = 0;

  const backends = async (waitingOnLock = false) =>
    Number(
      (
        await admin.query<{ n: string }>(
          `select count(*) as n from pg_stat_activity where usename = $1 ${waitingOnLock ? "and wait_event_type = 'Lock'" : ''}`,
          [role],
        )
      ).rows[0].n,
    );

  beforeAll(async () => {
    db = await createTestDatabase('audit_pool');
    ds = await migratedDataSource(db, [...eventStoreMigrations, ...messagingMigrations]);
    const store = new EventStore(ds);
    for (let i = 0; i < 5; i++)
      await store.append(`budget-${i}`, 'no-stream', [{ type: 'BudgetOpened', data: { i } }], {
        actor: 'service:test',
        correlationId: 'c',
        causationId: null,
      });
    admin = new Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(`create role ${role} login connection limit ${CAP}`);
    await admin.query(`grant select on es_event, es_head, outbox_checkpoint to ${role}`);
    const url = new URL(db.url);
    url.username = role;
    url.password = '';
    app = await NestFactory.create<INestApplication<Server>>(
      AuditHttpModule.forService({ service: 'budget', databaseUrl: url.toString() }),
      { logger: false },
    );
    app.use((_req: unknown, _res: unknown, next: () => void) => {
      arrived++;
      next();
    });
    await app.init();
  });
  afterAll(async () => {
    await app?.close(); // a second close (after the test's own) is a no-op
    await admin.end();
    await ds.destroy();
    await db.drop();
    // The role outlives its database: drop it from the server's own.
    const server = new URL(db.url);
    server.pathname = '/postgres';
    const client = new Client({ connectionString: server.toString() });
    await client.connect();
    await client.query(`drop role if exists ${role}`);
    await client.end();
  });

  it(`serves ${REQUESTS} concurrent requests on at most ${CAP} connections, and closes them with the app`, async () => {
    // Hold every reader of es_event, so that the requests pile up at the same moment.
    const blocker = new Client({ connectionString: db.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table es_event in access exclusive mode');
    const responses = Array.from({ length: REQUESTS }, () =>
      request(app.getHttpServer())
        .get('/audit/events')
        .query({ limit: 10 })
        .then((r) => ({ status: r.status, events: (r.body as { events?: unknown[] }).events })),
    );
    // All requests are in; the pool's connections wait on the lock (today 4 wait, 8 are refused).
    await eventually(async () => (arrived >= REQUESTS && (await backends(true)) === CAP ? true : undefined));
    expect(await backends()).toBe(CAP);
    await blocker.query('rollback');
    await blocker.end();

    const answered = await Promise.all(responses);
    expect(answered.map((a) => a.status)).toEqual(Array(REQUESTS).fill(200));
    for (const a of answered) expect(a.events).toHaveLength(5);
    // The head endpoint borrows from the same pool.
    await request(app.getHttpServer()).get('/audit/head').expect(200);
    expect(await backends()).toBeLessThanOrEqual(CAP);

    await app.close();
    await eventually(async () => ((await backends()) === 0 ? true : undefined));
  });
});
