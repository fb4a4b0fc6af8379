import type { INestApplication } from '@nestjs/common';
import { EventStore } from '@kompeten/event-store';
import { eventually, readSse, httpOf } from '@kompeten/testing';
import { nip, programmeBody, staffBody, startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';
import { roleTokens, startGateway } from '../../services/gateway/test/gateway-app';
import { LiveFeed } from '../../services/gateway/src/live/live-feed';

// The gateway in front of the real enrolment service (real Postgres, real Kafka); the other services are down.
describe('the gateway in front of the enrolment service', () => {
  let enrolment: INestApplication;
  let gateway: INestApplication;
  let stops: (() => Promise<void>)[] = [];
  let tokens: Awaited<ReturnType<typeof roleTokens>>;
  const http = () => httpOf(gateway);
  const as = (role: keyof typeof tokens) => ({ Authorization: `Bearer ${tokens[role]}` });

  beforeAll(async () => {
    const e = await startEnrolmentApp();
    enrolment = e.app;
    await enrolment.listen(0, '127.0.0.1');
    const g = await startGateway({ ENROLMENT_URL: await enrolment.getUrl() });
    gateway = g.app;
    tokens = await roleTokens(g.auth);
    stops = [g.stop, e.stop];
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
  });

  it('routes a command to the owning service and writes the caller and the correlation id into the event', async () => {
    const res = await http()
      .post('/api/v1/staff')
      .set(as('training-officer'))
      .set('X-Correlation-Id', 'corr-e2e-1')
      .send(staffBody(nip(700)))
      .expect(201);
    expect(res.headers['x-correlation-id']).toBe('corr-e2e-1');
    expect(res.headers.etag).toBe('"1"');
    const [event] = await enrolment.get(EventStore).readStream(`staff-${nip(700)}`);
    expect(event.metadata).toMatchObject({ actor: 'training-officer:training-officer-x', correlationId: 'corr-e2e-1' });
  });

  it('creates a correlation id when the caller sends none', async () => {
    const res = await http()
      .post('/api/v1/staff')
      .set(as('training-officer'))
      .send(staffBody(nip(701)))
      .expect(201);
    const [event] = await enrolment.get(EventStore).readStream(`staff-${nip(701)}`);
    expect(event.metadata.correlationId).toBe(res.headers['x-correlation-id']);
  });

  it('validates at the edge: a wrong NIP never reaches the service', async () => {
    const before = await enrolment.get(EventStore).head();
    const res = await http()
      .post('/api/v1/staff')
      .set(as('training-officer'))
      .send(staffBody('198609262015053001'))
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((res.body as { errors: unknown }).errors).toEqual([
      { field: 'nip', message: expect.stringContaining('(gender)') as unknown },
    ]);
    expect(await enrolment.get(EventStore).head()).toEqual(before);
  });

  it('answers a retried command with the first answer and appends nothing new (Idempotency-Key)', async () => {
    const send = () =>
      http()
        .post('/api/v1/staff')
        .set(as('training-officer'))
        .set('Idempotency-Key', 'register-702-attempt')
        .send(staffBody(nip(702)));
    const first = await send().expect(201);
    const head = await enrolment.get(EventStore).head();
    const retry = await send().expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await enrolment.get(EventStore).head()).toEqual(head);
    const other = await http()
      .post('/api/v1/staff')
      .set(as('training-officer'))
      .set('Idempotency-Key', 'register-702-attempt')
      .send(staffBody(nip(703)))
      .expect(422);
    expect((other.body as { status: number }).status).toBe(422);
  });

  it('passes the service’s 409 on with the current state', async () => {
    await http()
      .post('/api/v1/programmes')
      .set(as('training-officer'))
      .send(programmeBody('gw-e2e', { capacity: 3 }))
      .expect(201);
    await http()
      .post('/api/v1/programmes/gw-e2e/enrolments')
      .set(as('training-officer'))
      .send({ nip: nip(700) })
      .expect(201);
    const again = await http()
      .post('/api/v1/programmes/gw-e2e/enrolments')
      .set(as('training-officer'))
      .send({ nip: nip(700) })
      .expect(409);
    expect(again.body).toMatchObject({
      status: 409,
      currentState: 'pending-funds',
      instance: '/api/v1/programmes/gw-e2e/enrolments',
    });
  });

  it('keeps a unit-head to their unit and staff to themselves on a staff profile', async () => {
    await eventually(async () =>
      (
        await http()
          .get(`/api/v1/staff/${nip(700)}`)
          .set(as('admin'))
      ).status === 200
        ? true
        : undefined,
    );
    await http()
      .get(`/api/v1/staff/${nip(700)}`)
      .set(as('unit-head'))
      .expect(200); // DINKES staff, DINKES head
    await http()
      .get(`/api/v1/staff/${nip(700)}`)
      .set(as('staff'))
      .expect(403); // someone else's record
    await http()
      .get(`/api/v1/staff/${nip(700)}`)
      .expect(401);
  });

  it('streams the events a unit-head may see, and resumes from Last-Event-ID', async () => {
    await gateway.listen(0, '127.0.0.1');
    const url = `${await gateway.getUrl()}/api/v1/events/stream?types=StaffEnrolled`;
    const head = { Authorization: `Bearer ${tokens['unit-head']}` };
    for (const n of [710, 711])
      await http()
        .post('/api/v1/staff')
        .set(as('training-officer'))
        .send(staffBody(nip(n)))
        .expect(201);
    await gateway.get(LiveFeed).ready; // the feed reads from "now": it must hold its partitions first
    let opened!: () => void;
    const open = new Promise<void>((r) => (opened = r));
    const live = readSse(
      url,
      head,
      (ms) => ms.length >= 1,
      20000,
      () => opened(),
    );
    await open;
    await http()
      .post('/api/v1/programmes')
      .set(as('training-officer'))
      .send(programmeBody('gw-live', { capacity: 5 }))
      .expect(201);
    await http()
      .post('/api/v1/programmes/gw-live/enrolments')
      .set(as('training-officer'))
      .send({ nip: nip(710) })
      .expect(201);
    const [first] = await live;
    expect(first.event).toBe('StaffEnrolled');
    const event: unknown = JSON.parse(first.data);
    expect(event).toMatchObject({
      service: 'enrolment',
      type: 'StaffEnrolled',
      data: { nip: nip(710), workUnit: { opd: 'DINKES' } },
    });
    expect(first.id).toMatch(/enrolment:\d+/);

    // Missed while disconnected: replayed from the cursor.
    await http()
      .post('/api/v1/programmes/gw-live/enrolments')
      .set(as('training-officer'))
      .send({ nip: nip(711) })
      .expect(201);
    await eventually(async () => {
      const again = await readSse(url, { ...head, 'Last-Event-ID': first.id! }, (ms) => ms.length >= 1, 3000);
      return again[0] && (JSON.parse(again[0].data) as { data: { nip: string } }).data.nip === nip(711)
        ? true
        : undefined;
    });
    // Staff see only their own events; a kiosk may not watch at all.
    await expect(readSse(url, { Authorization: `Bearer ${tokens.kiosk}` }, () => true, 2000)).rejects.toThrow(/403/);
  });

  it('answers 503 with Retry-After when the owning service is down, without hanging', async () => {
    const res = await http().get('/api/v1/units/DINKES/summary').set(as('admin')).expect(200);
    expect((res.body as { opd: string }).opd).toBe('DINKES');
    const down = await startGateway(); // every service unreachable
    try {
      const r = await httpOf(down.app)
        .get('/api/v1/units/DINKES/summary')
        .set('Authorization', `Bearer ${await down.auth.token({ roles: ['admin'] })}`)
        .expect(503);
      expect(r.headers['retry-after']).toBe('5');
      expect(r.body).toMatchObject({ status: 503, service: 'enrolment' });
    } finally {
      await down.stop();
    }
  });
});
