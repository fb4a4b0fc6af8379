import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import ICAL from 'ical.js';
import { EventStore } from '@kompeten/event-store';
import { eventually, httpOf, TestAuth } from '@kompeten/testing';
import { nip, programmeBody, staffBody, startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';
import { startBudgetApp } from '../../services/budget/test/budget-app';
import { startGateway } from '../../services/gateway/test/gateway-app';
import type { CommandAcceptedBody, getProgramme, getReleaseReport, ResponseOf } from '@kompeten/api';

type Programme = ResponseOf<typeof getProgramme>;
type Report = Exclude<ResponseOf<typeof getReleaseReport>, string>;
type Feed = { feedId: string; url: string };
type Problem = { type: string };
const events = (res: { body: unknown }) => (res.body as CommandAcceptedBody).events;

// Issue 19's journey through the gateway, with the real enrolment and budget services behind it:
// a unit head nominates one staff member and approves another's request (surat tugas), the budget
// commits the funds, both seats are confirmed, the session appears in the staff member's iCal feed
// (parsed with a real iCalendar parser), and a decline for workload shows in the officer's report.
describe('find, nominate, release, schedule — through the gateway', () => {
  let gateway: INestApplication;
  let enrolment: INestApplication;
  let auth: TestAuth;
  let stops: (() => Promise<void>)[] = [];
  const run = randomBytes(3).toString('hex').toUpperCase();
  const opd = `JRN-${run}`;
  const unit = `PKM-JRN-${run}`;
  const programmeId = `journey-${run.toLowerCase()}`;
  const [A, B, C, OTHER] = [nip(900), nip(901), nip(902), nip(903)];
  const tokens: Record<string, string> = {};
  const http = () => httpOf(gateway);
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const participant = async (n: string) => {
    const p = await http().get(`/api/v1/programmes/${programmeId}`).set(as('officer')).expect(200);
    const body = p.body as Programme;
    return [...body.enrolments, ...body.waitlist].find((e) => e.nip === n);
  };
  const statusBecomes = (n: string, status: string) =>
    eventually(async () => ((await participant(n))?.status === status ? true : undefined), 30_000, 200);
  const suratTugas = (n: string) => ({ number: `800/${n.slice(-3)}/${unit}/2026`, date: '2026-11-30' });

  beforeAll(async () => {
    const e = await startEnrolmentApp();
    const b = await startBudgetApp();
    enrolment = e.app;
    await Promise.all([e.app.listen(0, '127.0.0.1'), b.app.listen(0, '127.0.0.1')]);
    const g = await startGateway({ ENROLMENT_URL: await e.app.getUrl(), BUDGET_URL: await b.app.getUrl() });
    gateway = g.app;
    auth = g.auth;
    stops = [g.stop, b.stop, e.stop];
    tokens.officer = await auth.token({ roles: ['training-officer'] });
    tokens.head = await auth.token({ roles: ['unit-head'], unit: opd });
    tokens.otherHead = await auth.token({ roles: ['unit-head'], unit: 'DINKES' });
    for (const n of [A, B, C]) tokens[n] = await auth.token({ roles: ['staff'], nip: n });

    await http()
      .post('/api/v1/budgets')
      .set(as('officer'))
      .send({ fiscalYear: 2027, opd, fundingSource: 'APBD', ceiling: 50_000_000 })
      .expect(201);
    await http()
      .post(`/api/v1/budgets/2027-${opd}-APBD/allocations`)
      .set(as('officer'))
      .send({ programmeId, amount: 10_000_000 })
      .expect(201);
    for (const n of [A, B, C])
      await http()
        .post('/api/v1/staff')
        .set(as('officer'))
        .send(staffBody(n, { workUnit: { opd, serviceUnit: unit } }))
        .expect(201);
    await http()
      .post('/api/v1/staff')
      .set(as('officer'))
      .send(staffBody(OTHER, { workUnit: { opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' } }))
      .expect(201);
    await http()
      .post('/api/v1/programmes')
      .set(as('officer'))
      .send(
        programmeBody(programmeId, {
          fundingOpd: opd,
          capacity: 10,
          fiscalYear: 2027,
          lateEnrolment: false,
          releaseRequired: true,
          sessions: [
            {
              sessionId: 'h1',
              date: '2027-01-12',
              title: 'Hari 1: triase',
              startTime: '08:00',
              endTime: '12:00',
              venue: 'Aula Dinas Kesehatan',
              trainer: 'dr. Rina',
            },
          ],
        }),
      )
      .expect(201);
  }, 120_000);
  afterAll(async () => {
    for (const stop of stops) await stop();
  });

  it('nominate → approve → funds committed → confirmed → the session in the staff member’s iCal feed', async () => {
    // The head nominates A (enrolment and release in one step); B asks, and the head approves.
    const nominated = await http()
      .post(`/api/v1/units/${opd}/nominations`)
      .set(as('head'))
      .send({ programmeId, nip: A, suratTugas: suratTugas(A) })
      .expect(201);
    expect(events(nominated)).toEqual(['StaffEnrolled', 'StaffReleased']);
    await http().post(`/api/v1/programmes/${programmeId}/enrolments`).set(as(B)).send({ nip: B }).expect(201);
    await http()
      .post(`/api/v1/units/${opd}/releases`)
      .set(as('head'))
      .send({ programmeId, nip: B, suratTugas: suratTugas(B) })
      .expect(201);
    await statusBecomes(A, 'confirmed');
    await statusBecomes(B, 'confirmed');
    expect((await participant(B))?.release?.suratTugas.number).toBe(suratTugas(B).number);
    // Both seats were paid for by the budget (the saga's funds step) as well as released.
    const budget = await http().get(`/api/v1/budgets/2027-${opd}-APBD`).set(as('officer')).expect(200);
    expect(Number((budget.body as { committed: string }).committed)).toBe(2 * 1_500_000);

    const feed = (await http().post(`/api/v1/staff/${A}/calendar-feeds`).set(as(A)).expect(201)).body as Feed;
    const ics = await http().get(feed.url).expect(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    const vevents = new ICAL.Component(ICAL.parse(ics.text) as unknown[])
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(vevents).toHaveLength(1);
    expect(vevents[0].summary).toContain('Komunikasi efektif');
    expect(vevents[0].location).toBe('Aula Dinas Kesehatan');
    expect(vevents[0].startDate.toString()).toBe('2027-01-12T08:00:00');
    expect(vevents[0].startDate.zone?.tzid).toBe('Asia/Jakarta');

    // Revoked: the feed's URL answers 404, never 401 (it reveals nothing).
    await http().post(`/api/v1/staff/${A}/calendar-feeds/${feed.feedId}/revocation`).set(as(A)).expect(201);
    await http().get(feed.url).expect(404);
  });

  it('approving twice answers 200 with no new event', async () => {
    const store = enrolment.get(EventStore);
    const before = (await store.head()).position;
    const again = await http()
      .post(`/api/v1/units/${opd}/releases`)
      .set(as('head'))
      .send({ programmeId, nip: B, suratTugas: suratTugas(B) })
      .expect(200);
    expect(events(again)).toEqual([]);
    expect((await store.head()).position).toBe(before);
  });

  it('nominating staff of another unit is forbidden, at the gateway and at the service', async () => {
    await http()
      .post(`/api/v1/units/${opd}/nominations`)
      .set(as('otherHead'))
      .send({ programmeId, nip: A, suratTugas: suratTugas(A) })
      .expect(403);
    const notMine = await http()
      .post(`/api/v1/units/${opd}/nominations`)
      .set(as('head'))
      .send({ programmeId, nip: OTHER, suratTugas: suratTugas(OTHER) })
      .expect(403);
    expect(notMine.headers['content-type']).toMatch(/problem\+json/);
    expect((notMine.body as Problem).type).toContain('staff-of-another-unit');
  });

  it('a decline for workload appears in the training officer’s report', async () => {
    await http().post(`/api/v1/programmes/${programmeId}/enrolments`).set(as(C)).send({ nip: C }).expect(201);
    await http()
      .post(`/api/v1/units/${opd}/declines`)
      .set(as('head'))
      .send({ programmeId, nip: C, reason: 'workload-no-cover' })
      .expect(201);
    await statusBecomes(C, 'declined');
    const report = await eventually(
      async () => {
        const r = await http().get('/api/v1/reports/releases').query({ opd }).set(as('officer')).expect(200);
        const body = r.body as Report;
        const declines = body.rows
          .filter((row) => row.serviceUnit === unit)
          .reduce((n, row) => n + row.declines['workload-no-cover'], 0);
        return declines === 1 ? body : undefined;
      },
      30_000,
      200,
    );
    expect(report.hotspots).toEqual([expect.objectContaining({ opd, serviceUnit: unit })]);
    // The unit head sees their own unit's report; another unit's head does not.
    await http().get('/api/v1/reports/releases').query({ opd }).set(as('head')).expect(200);
    await http().get('/api/v1/reports/releases').query({ opd }).set(as('otherHead')).expect(403);
  });
});
