import type { INestApplication } from '@nestjs/common';
import { EventStore } from '@kompeten/event-store';
import type { ProjectionRunner } from '@kompeten/messaging';
import { DataSource } from 'typeorm';
import { eventually, httpOf } from '@kompeten/testing';
import { nip, programmeBody, staffBody, startEnrolmentApp } from './enrolment-app';

/** Reads one sample's value from a Prometheus text exposition. */
const sample = (text: string, name: string, labels: Record<string, string> = {}): number | undefined => {
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith(name) && !l.startsWith('#') && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    );
  return line ? Number(line.split(' ').pop()) : undefined;
};

/** What /admin/projections lists and what a rebuild answers: the runner's status, named. */
type ProjectionStatus = { name: string } & Awaited<ReturnType<ProjectionRunner['status']>>;

describe('the enrolment service’s metrics after a small scenario', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  // Nest types the HTTP server as `any`; the Express adapter's is a node:http Server.
  const http = () => httpOf(app);

  beforeAll(async () => ({ app, stop } = await startEnrolmentApp()));
  afterAll(() => stop());

  it('count what happened, and agree with the log', async () => {
    for (let i = 0; i < 4; i++)
      await http()
        .post('/staff')
        .send(staffBody(nip(900 + i)))
        .expect(201);
    await http().post('/staff').send(staffBody('123')).expect(400);
    await http()
      .post('/programmes')
      .send(programmeBody('metrics-p', { capacity: 2 }))
      .expect(201);
    for (let i = 0; i < 3; i++)
      await http()
        .post('/programmes/metrics-p/enrolments')
        .send({ nip: nip(900 + i) })
        .expect(201);
    const head = (await app.get(EventStore).head()).position;

    const text = await eventually(async () => {
      const t = (await http().get('/metrics').expect(200)).text;
      const settled =
        sample(t, 'kompeten_outbox_backlog') === 0 &&
        sample(t, 'kompeten_outbox_relayed', { role: 'leader' }) === head &&
        ['staff_roster', 'programme_catalogue', 'enrolment_history'].every(
          (p) => sample(t, 'kompeten_projection_lag_events', { projection: p }) === 0,
        );
      return settled ? t : undefined;
    });
    expect(sample(text, 'http_requests_total', { method: 'POST', route: '/staff', status: '201' })).toBe(4);
    expect(sample(text, 'http_requests_total', { method: 'POST', route: '/staff', status: '400' })).toBe(1);
    expect(
      sample(text, 'http_requests_total', {
        method: 'POST',
        route: '/programmes/:programmeId/enrolments',
        status: '201',
      }),
    ).toBe(3);
    expect(sample(text, 'kompeten_events_appended')).toBe(head); // 4 registered + 1 published + 2 enrolled + 1 waitlisted
    expect(head).toBe(8);
    expect(sample(text, 'kompeten_outbox_relayed', { role: 'leader' })).toBe(head);
    expect(sample(text, 'kompeten_projection_lag_events', { projection: 'staff_roster' })).toBe(0);
    expect(sample(text, 'kompeten_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect(text).toContain('kompeten_consumer_events');
    expect(text).toMatch(/service="enrolment"/);
  });

  it('lets an operator rebuild a read model beside the live one, with the same result', async () => {
    const ds = app.get(DataSource);
    const before = await ds.query<Record<string, unknown>[]>('select * from enrolment_history order by enrolment_id');
    const list = (await http().get('/admin/projections').expect(200)).body as ProjectionStatus[];
    expect(list.map((p) => p.name).sort()).toEqual([
      'certificate_register',
      'enrolment_history',
      'external_learning',
      'learning_platform',
      'programme_catalogue',
      'release_report',
      'staff_roster',
      'training_plan',
    ]);
    const rebuilt = (await http().post('/admin/projections/enrolment_history/rebuild').expect(200))
      .body as ProjectionStatus;
    expect(rebuilt.tableName).toMatch(/^enrolment_history__v\d+$/);
    expect(rebuilt.position).toBe(rebuilt.headPosition);
    expect(await ds.query<Record<string, unknown>[]>('select * from enrolment_history order by enrolment_id')).toEqual(
      before,
    );
    await http().post('/admin/projections/nothing/rebuild').expect(404);
  });
});
