import { httpOf } from '@kompeten/testing';
import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { CommandAcceptedBody } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import type { ProblemDetails } from '@kompeten/platform';
import { nip, programmeBody, staffBody, startEnrolmentApp } from './enrolment-app';
import { programmeEvents } from './programme-events';

describe('the enrolment service over HTTP', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let store: EventStore;
  // Nest types the HTTP server as `any`; the Express adapter's is a node:http Server.
  const http = () => httpOf(app);
  const head = () => store.head();

  beforeAll(async () => {
    ({ app, stop } = await startEnrolmentApp());
    store = app.get(EventStore);
    for (let i = 0; i < 8; i++)
      await http()
        .post('/staff')
        .send(staffBody(nip(i)))
        .expect(201);
    // It began in February 2026 and takes late enrolment: the tests run on today's clock.
    await http()
      .post('/programmes')
      .send(programmeBody('kom-2026', { lateEnrolment: true }))
      .expect(201);
  });
  afterAll(() => stop());

  describe('staff roster', () => {
    it('registers staff and answers with the stream version as ETag', async () => {
      const res = await http()
        .post('/staff')
        .set('x-actor', 'user:officer')
        .send(staffBody(nip(100)))
        .expect(201);
      expect(res.body).toEqual({ streamId: `staff-${nip(100)}`, version: 1, events: ['StaffRegistered'] });
      expect(res.headers.etag).toBe('"1"');
      const [event] = await store.readStream(`staff-${nip(100)}`);
      expect(event.metadata.actor).toBe('user:officer');
    });

    it.each([
      ['198613262015051001', 'birthDate'],
      ['198609262015053001', 'gender'],
      ['198609262015051000', 'sequence'],
      ['19860926201505100', 'format'],
    ])('refuses NIP %s with a 400 naming the %s, appending nothing', async (bad, part) => {
      const before = await head();
      const res = await http().post('/staff').send(staffBody(bad)).expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect((res.body as ProblemDetails).errors).toEqual([
        { field: 'nip', message: expect.stringContaining(`(${part})`) as unknown },
      ]);
      expect(await head()).toEqual(before);
    });

    it('refuses unknown fields and a second registration of the same NIP', async () => {
      const unknownField = await http()
        .post('/staff')
        .send({ ...staffBody(nip(101)), salary: 1 })
        .expect(400);
      expect((unknownField.body as ProblemDetails).errors?.[0].field).toBe('salary');
      const twice = await http()
        .post('/staff')
        .send(staffBody(nip(0)))
        .expect(409);
      expect((twice.body as ProblemDetails).status).toBe(409);
    });

    it('transfers with If-Match, and refuses a stale one with 409', async () => {
      // Serving since January: the transfers below are dated after the registration, as they must be.
      await http()
        .post('/staff')
        .send(staffBody(nip(102), { registeredOn: '2026-01-05' }))
        .expect(201);
      await http()
        .post(`/staff/${nip(102)}/transfers`)
        .set('If-Match', '"1"')
        .send({ to: { opd: 'BPBD' }, effectiveOn: '2026-07-01' })
        .expect(201);
      const stale = await http()
        .post(`/staff/${nip(102)}/transfers`)
        .set('If-Match', '"1"')
        .send({ to: { opd: 'DISDUKCAPIL' }, effectiveOn: '2026-08-01' })
        .expect(409);
      expect(stale.body).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    });
  });

  describe('programmes and enrolments', () => {
    it('answers 404 for unknown staff or programme', async () => {
      await http()
        .post('/programmes/kom-2026/enrolments')
        .send({ nip: nip(500) })
        .expect(404);
      await http()
        .post('/programmes/nope/enrolments')
        .send({ nip: nip(0) })
        .expect(404);
    });

    it('refuses to enrol twice with 409', async () => {
      await http()
        .post('/programmes/kom-2026/enrolments')
        .send({ nip: nip(0) })
        .expect(201);
      const again = await http()
        .post('/programmes/kom-2026/enrolments')
        .send({ nip: nip(0) })
        .expect(409);
      expect(again.body).toMatchObject({ currentState: 'pending-funds' });
    });

    it('gives the last seat to exactly one of many parallel enrolments and waitlists the rest', async () => {
      await http()
        .post('/programmes')
        .send(programmeBody('last-seat', { capacity: 1, lateEnrolment: true }))
        .expect(201);
      const results = await Promise.all(
        [2, 3, 4, 5, 6, 7].map((i) =>
          http()
            .post('/programmes/last-seat/enrolments')
            .send({ nip: nip(i) }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
      const events = results.flatMap((r) => (r.body as CommandAcceptedBody).events);
      expect(events.filter((t) => t === 'StaffEnrolled')).toHaveLength(1);
      expect(events.filter((t) => t === 'EnrolmentWaitlisted')).toHaveLength(5);
      const stored = await programmeEvents(store, 'last-seat');
      expect(stored.filter((e) => e.type === 'StaffEnrolled')).toHaveLength(1);
    });

    it('refuses to complete a withdrawn enrolment, answering with its current state', async () => {
      await http()
        .post('/programmes/kom-2026/enrolments')
        .send({ nip: nip(1) })
        .expect(201);
      await http()
        .post(`/programmes/kom-2026/enrolments/${nip(1)}/withdrawal`)
        .send({ reason: 'workload' })
        .expect(201);
      const res = await http()
        .post(`/programmes/kom-2026/enrolments/${nip(1)}/completion`)
        .send({ completedOn: '2026-02-03' })
        .expect(409);
      expect(res.body).toMatchObject({ status: 409, currentState: 'withdrawn' });
    });

    it('requires a note when the withdrawal reason is other', async () => {
      const res = await http()
        .post(`/programmes/kom-2026/enrolments/${nip(0)}/withdrawal`)
        .send({ reason: 'other' })
        .expect(400);
      expect((res.body as ProblemDetails).errors?.[0].field).toBe('note');
    });

    it('closes enrolment after the first session unless the programme takes late enrolment', async () => {
      await http()
        .post('/programmes')
        .send(programmeBody('began-2026', { lateEnrolment: false }))
        .expect(201);
      const res = await http()
        .post('/programmes/began-2026/enrolments')
        .send({ nip: nip(2) })
        .expect(409);
      expect(res.body).toMatchObject({
        type: expect.stringMatching(/enrolment-closed$/) as unknown,
        firstSession: '2026-02-02',
      });
      // The programme's stream, not the whole log: budget services of other suites on the broker may answer meanwhile.
      expect((await store.readStream('programme-began-2026')).map((e) => e.type)).toEqual(['ProgrammePublished']);
    });

    it('charges an enrolment to the fiscal year of the programme’s first session', async () => {
      const next = new Date().getUTCFullYear() + 1;
      await http()
        .post('/programmes')
        .send(programmeBody('next-year', { sessions: [{ sessionId: 's1', date: `${next}-01-11`, title: 'Hari 1' }] }))
        .expect(201);
      await http()
        .post('/programmes/next-year/enrolments')
        .send({ nip: nip(2) })
        .expect(201);
      const [, enrolled] = await programmeEvents(store, 'next-year');
      expect(enrolled).toMatchObject({ type: 'StaffEnrolled', data: { year: next, attempt: 1 } });
    });

    it('refuses a non-completion without a coded reason, and other without a note', async () => {
      const url = `/programmes/kom-2026/enrolments/${nip(0)}/non-completion`;
      const free = await http().post(url).send({ reason: 'Hadir kurang dari 80% sesi' }).expect(400);
      expect((free.body as ProblemDetails).errors?.[0].field).toBe('reason');
      const other = await http().post(url).send({ reason: 'other' }).expect(400);
      expect((other.body as ProblemDetails).errors?.[0].field).toBe('note');
    });

    it('asks the budget again only for an enrolment waitlisted for funds', async () => {
      // Withdrawn, so that no budget's answer (other suites share the broker) can change its state meanwhile.
      await http()
        .post('/programmes/kom-2026/enrolments')
        .send({ nip: nip(3) })
        .expect(201);
      await http()
        .post(`/programmes/kom-2026/enrolments/${nip(3)}/withdrawal`)
        .send({ reason: 'transfer' })
        .expect(201);
      const res = await http()
        .post(`/programmes/kom-2026/enrolments/${nip(3)}/funds-request`)
        .expect(409);
      expect(res.body).toMatchObject({ currentState: 'withdrawn' });
    });

    it('validates the programme’s settings: an attendance threshold is a share, a fiscal year a year', async () => {
      const res = await http()
        .post('/programmes')
        .send(programmeBody('bad-settings', { attendanceThreshold: 80, fiscalYear: 26 }))
        .expect(400);
      expect((res.body as ProblemDetails).errors?.map((e) => e.field).sort()).toEqual([
        'attendanceThreshold',
        'fiscalYear',
      ]);
    });

    it('validates the programme, naming nested fields', async () => {
      const res = await http()
        .post('/programmes')
        .send(programmeBody('bad-one', { jp: 0, sessions: [{ sessionId: 's1', date: '2026-13-01', title: 'x' }] }))
        .expect(400);
      expect((res.body as ProblemDetails).errors?.map((e) => e.field).sort()).toEqual(['jp', 'sessions[0].date']);
    });
  });

  it('publishes its OpenAPI document', async () => {
    const doc = (await http().get('/openapi.json').expect(200)).body as OpenAPIObject;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/staff', '/programmes/{programmeId}/enrolments']));
  });
});
