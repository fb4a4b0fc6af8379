import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { AuditHttpModule, ChainPoint } from '@kompeten/audit';
import type { ChainBreak } from '@kompeten/event-store';
import { testKafka } from '@kompeten/testing';
import { auditFixture, AuditFixture, tamper } from './support/audit-fixture';
import { firstPhase, secondPhase } from './support/enrolment-log';
import type { ExportLine } from './support/reports';

/** GET /audit/chain: one window of the chain, and where the next one starts. */
interface ChainWindow {
  service: string;
  after: number;
  checked: number;
  head: ChainPoint;
  ok: boolean;
  firstBreak?: ChainBreak;
  next: { after: number; anchor: string } | null;
}

/** GET /audit/events: one page of stored records in the export form. */
interface EventsPage {
  service: string;
  events: ExportLine[];
  next: number | null;
}

// The service side of the auditors' gateway endpoints: a service imports AuditHttpModule and the
// gateway forwards /api/v1/audit/<service>/… to it (services/gateway/src/routes/audit.routes.ts).
describe('the auditors’ HTTP endpoints in a service', () => {
  let f: AuditFixture;
  let app: INestApplication<Server>;
  let head: { position: number; hash: string };

  beforeAll(async () => {
    f = await auditFixture(testKafka('audit-http'), 'audit_http');
    await secondPhase(f.store, 'komunikasi', await firstPhase(f.store, 'komunikasi', 5));
    head = await f.store.head();
    app = await NestFactory.create<INestApplication<Server>>(
      AuditHttpModule.forService({ service: 'enrolment', databaseUrl: f.db.url }),
      { logger: false },
    );
    await app.init();
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await f.close();
  });

  it('gives the head of the chain', async () => {
    const res = await request(app.getHttpServer()).get('/audit/head').expect(200);
    expect(res.body).toEqual({ service: 'enrolment', head, relayedUpTo: null });
  });

  it('verifies the chain window by window, each linked to the hash the last one ended on', async () => {
    let next: { after: number; anchor: string } | null = { after: 0, anchor: '' };
    let windows = 0;
    let last: ChainWindow | undefined;
    while (next) {
      const res: request.Response = await request(app.getHttpServer())
        .get('/audit/chain')
        .query({ after: next.after, anchor: next.anchor || undefined, limit: 10 })
        .expect(200);
      last = res.body as ChainWindow;
      expect(last.ok).toBe(true);
      next = last.next;
      windows++;
    }
    expect(windows).toBe(Math.ceil(head.position / 10));
    expect(last?.head).toEqual(head);
  });

  it('names the break when a window reaches a tampered row, and refuses a window without its anchor', async () => {
    const [{ hash: anchor }] = await f.ds.query<{ hash: string }[]>('select hash from es_event where position = 5');
    const [{ payload }] = await f.ds.query<{ payload: unknown }[]>('select payload from es_event where position = 8');
    await tamper(
      f.ds,
      `update es_event set payload = jsonb_set(payload, '{nip}', '"199001012020121001"') where position = 8`,
    );
    try {
      const res = await request(app.getHttpServer())
        .get('/audit/chain')
        .query({ after: 5, anchor, limit: 10 })
        .expect(200);
      expect(res.body).toMatchObject({
        ok: false,
        checked: 2,
        firstBreak: { position: 8, reason: 'hash-mismatch' },
        next: null,
      });
    } finally {
      await tamper(f.ds, 'update es_event set payload = $1 where position = 8', [JSON.stringify(payload)]);
    }
    await request(app.getHttpServer()).get('/audit/chain').query({ after: 5 }).expect(400);
    await request(app.getHttpServer()).get('/audit/chain').query({ after: -1 }).expect(400);
  });

  it('pages through the stored events with their hashes, filtered like the CLI’s export', async () => {
    const page = (await request(app.getHttpServer()).get('/audit/events').query({ limit: 4 }).expect(200))
      .body as EventsPage;
    expect(page.events.map((e) => e.position)).toEqual([1, 2, 3, 4]);
    expect(page.next).toBe(4);
    expect(page.events[0]).toMatchObject({ service: 'enrolment', position: 1, prevHash: '0'.repeat(64) });
    const typed = (
      await request(app.getHttpServer())
        .get('/audit/events')
        .query({ type: 'TrainingCompleted,EnrolmentWithdrawn', limit: 1000 })
        .expect(200)
    ).body as EventsPage;
    expect(new Set(typed.events.map((e) => e.type))).toEqual(new Set(['TrainingCompleted', 'EnrolmentWithdrawn']));
    expect(typed.next).toBeNull();
    await request(app.getHttpServer()).get('/audit/events').query({ limit: 5000 }).expect(400);
    await request(app.getHttpServer()).get('/audit/events').query({ from: 'yesterday' }).expect(400);
  });
});
