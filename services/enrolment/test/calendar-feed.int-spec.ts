import ICAL from 'ical.js';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ResponseOf, createStaffCalendarFeed } from '@kompeten/api';
import type { BudgetEvent, ProgrammeEvent } from '@kompeten/contracts';
import { EventStore } from '@kompeten/event-store';
import { eventually, httpOf } from '@kompeten/testing';
import { fakeBudget } from './fake-budget';
import { nip, programmeBody, staffBody, startEnrolmentApp } from './enrolment-app';
import { programmeEvents } from './programme-events';

type Created = ResponseOf<typeof createStaffCalendarFeed>;
type Enrolled = Extract<ProgrammeEvent, { type: 'StaffEnrolled' }>['data'];

/** A feed as a calendar app reads it (ical.js, with the feed's own VTIMEZONE). */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      zone: e.startDate.isDate ? 'date' : e.startDate.zone.tzid,
      instant: e.startDate.toJSDate().toISOString(),
      status: String(v.getFirstPropertyValue('status')),
      location: e.location,
      description: e.description,
    };
  });
}

// The feeds from the token's creation to its revocation, through the service's HTTP API: the enrolments
// come from the real broker (the budget's answers), the sessions from the catalogue as revised.
describe('calendar feeds (iCalendar) of a staff member and of a unit', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let budget: Awaited<ReturnType<typeof fakeBudget>>;
  const http = () => httpOf(app);
  const id = `cal-${Date.now().toString(36)}`;
  const [A, B, OTHER] = [nip(401), nip(402), nip(403)];
  const PKM = 'PUSKESMAS-GULAI-BANCAH';
  const sessions = [
    {
      sessionId: 's1',
      date: '2026-02-02',
      title: 'Hari 1',
      startTime: '08:00',
      endTime: '12:00',
      venue: 'Aula Dinkes',
    },
    { sessionId: 's2', date: '2026-02-03', title: 'Hari 2' },
  ];
  let staffFeed: Created;
  let unitFeed: Created;

  /** The feed's events as served at its URL (the gateway's path, /api/v1 off: this is the service itself). */
  const fetchFeed = async (feed: Created) => {
    const res = await http().get(feed.url.replace('/api/v1', '')).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    return parse(res.text);
  };
  /** Waits until the feed's events satisfy `ok`, and answers them. */
  const feedWhen = (feed: Created, ok: (events: ReturnType<typeof parse>) => boolean) =>
    eventually(async () => {
      const events = await fetchFeed(feed);
      return ok(events) ? events : undefined;
    });
  const enrolmentOf = async (n: string) =>
    (await programmeEvents(app.get(EventStore), id))
      .map(({ type, data }) => ({ type, data }) as ProgrammeEvent)
      .filter((e) => e.type === 'StaffEnrolled' && e.data.nip === n)
      .pop()!.data as Enrolled;
  const committed = (e: Enrolled): BudgetEvent => ({
    type: 'FundsCommitted',
    data: {
      budgetId: 'b',
      allocationId: 'a',
      programmeId: e.programmeId,
      opd: 'DINKES',
      amount: e.costPerParticipant,
      commitmentId: `c-${e.enrolmentId}`,
      enrolmentId: e.enrolmentId,
      nip: e.nip,
    },
  });

  beforeAll(async () => {
    ({ app, stop } = await startEnrolmentApp());
    budget = await fakeBudget();
    await http().post('/staff').send(staffBody(A)).expect(201);
    await http().post('/staff').send(staffBody(B)).expect(201);
    await http()
      .post('/staff')
      .send(staffBody(OTHER, { workUnit: { opd: 'DINKES', serviceUnit: 'PUSKESMAS-MANDIANGIN' } }))
      .expect(201);
    // No unit head's release: the budget's answer alone confirms a seat here.
    await http()
      .post('/programmes')
      .send(programmeBody(id, { capacity: 5, sessions, releaseRequired: false }))
      .expect(201);
    for (const n of [A, B, OTHER]) await http().post(`/programmes/${id}/enrolments`).send({ nip: n }).expect(201);
    await budget.answer(committed(await enrolmentOf(A)));
  });
  afterAll(async () => {
    await budget.stop();
    await stop();
  });

  it('creates a staff member’s feed: a URL holding a secret token, shown once', async () => {
    staffFeed = (await http().post(`/staff/${A}/calendar-feeds`).expect(201)).body as Created;
    expect(staffFeed.url).toMatch(/^\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(staffFeed.feedId).toMatch(/^[0-9a-f-]{36}$/);
    const token = staffFeed.url.slice('/api/v1/calendar/'.length, -'.ics'.length);
    const [row] = await app
      .get(DataSource)
      .query<{ token_hash: string }[]>('select token_hash from calendar_feed where feed_id = $1', [staffFeed.feedId]);
    expect(row.token_hash).not.toContain(token);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves the sessions in the city’s time zone, CONFIRMED once the seat is', async () => {
    const events = await feedWhen(staffFeed, (es) => es.length === 2 && es[0].status === 'CONFIRMED');
    expect(events).toEqual([
      expect.objectContaining({
        uid: `${id}.s1.${A}@kompeten`,
        start: '2026-02-02T08:00:00',
        end: '2026-02-02T12:00:00',
        zone: 'Asia/Jakarta',
        instant: '2026-02-02T01:00:00.000Z',
        location: 'Aula Dinkes',
        status: 'CONFIRMED',
      }),
      expect.objectContaining({ uid: `${id}.s2.${A}@kompeten`, start: '2026-02-03', end: '2026-02-04', zone: 'date' }),
    ]);
  });

  it('creates a unit’s feed listing its staff by NIP, TENTATIVE seats counted', async () => {
    unitFeed = (await http().post('/units/DINKES/calendar-feeds').send({ serviceUnit: PKM }).expect(201))
      .body as Created;
    const [first] = await feedWhen(unitFeed, (es) => es.length === 2 && Boolean(es[0].description.includes(B)));
    expect(first.uid).toBe(`${id}.s1.${PKM}@kompeten`);
    expect(first.description).toContain('2 staff (1 confirmed, 1 tentative)');
    expect(first.description).toContain(`${A} (confirmed)`);
    expect(first.description).toContain(`${B} (pending-funds)`);
    // Another puskesmas of the OPD is not this unit's.
    expect(first.description).not.toContain(OTHER);
    expect(first.description).not.toContain('Siti');
  });

  it('shows a revised session at its new time', async () => {
    await http()
      .post(`/programmes/${id}/revisions`)
      .send({
        sessions: [
          { ...sessions[0], startTime: '13:00', endTime: '16:30', onlineUrl: 'https://meet.example.go.id/k' },
          sessions[1],
        ],
      })
      .expect(201);
    const [moved] = await feedWhen(staffFeed, (es) => es[0]?.start === '2026-02-02T13:00:00');
    expect(moved).toMatchObject({ end: '2026-02-02T16:30:00', location: 'Aula Dinkes' });
    expect(moved.description).toContain('Online: https://meet.example.go.id/k');
  });

  it('drops the sessions when the enrolment ends (a withdrawal)', async () => {
    await http().post(`/programmes/${id}/enrolments/${A}/withdrawal`).send({ reason: 'workload' }).expect(201);
    expect(await feedWhen(staffFeed, (es) => es.length === 0)).toEqual([]);
    const [first] = await feedWhen(unitFeed, (es) => !es[0]?.description.includes(A));
    expect(first.description).toContain('1 staff (0 confirmed, 1 tentative)');
    expect(first.status).toBe('TENTATIVE');
  });

  it('answers 404 for a revoked feed, and a second revocation changes nothing', async () => {
    const revoked = await http().post(`/staff/${A}/calendar-feeds/${staffFeed.feedId}/revocation`).expect(201);
    const again = await http().post(`/staff/${A}/calendar-feeds/${staffFeed.feedId}/revocation`).expect(200);
    expect(again.body).toEqual(revoked.body);
    const gone = await http().get(staffFeed.url.replace('/api/v1', '')).expect(404);
    expect(gone.headers['content-type']).toMatch(/problem\+json/);
    // The unit's feed is another feed: it still answers.
    await fetchFeed(unitFeed);
  });

  it('answers 404 for an unknown token, and for another subject’s feed id (no 401: a feed URL reveals nothing)', async () => {
    await http()
      .get(`/calendar/${'A'.repeat(43)}.ics`)
      .expect(404);
    await http()
      .get(`/calendar/${'A'.repeat(43)}`)
      .expect(404);
    await http().post(`/staff/${B}/calendar-feeds/${unitFeed.feedId}/revocation`).expect(404);
    await http().post(`/units/BPBD/calendar-feeds/${unitFeed.feedId}/revocation`).expect(404);
  });

  it('refuses a malformed token (400) and a feed for unknown staff (404)', async () => {
    const bad = await http().get('/calendar/short.ics').expect(400);
    expect((bad.body as { errors: { field: string }[] }).errors[0].field).toBe('token');
    await http()
      .post(`/staff/${nip(499)}/calendar-feeds`)
      .expect(404);
  });

  describe('sessions with time and place, as published', () => {
    const published = async (programmeId: string) =>
      (await app.get(EventStore).readStream(`programme-${programmeId}`))[0].data as Record<string, unknown>;

    it('waits for the unit head’s release by default when there are sessions, not for a self-paced course', async () => {
      await http()
        .post('/programmes')
        .send(programmeBody(`${id}-r`, { releaseRequired: undefined }))
        .expect(201);
      expect(await published(`${id}-r`)).toMatchObject({
        releaseRequired: true,
        sessions: Array(2).fill(expect.objectContaining({ startTime: null, venue: null, trainer: null })),
      });
      const selfPaced = {
        form: 'e-learning',
        sessions: [],
        completionRule: { modules: ['m1'] },
        releaseRequired: undefined,
      };
      await http()
        .post('/programmes')
        .send(programmeBody(`${id}-e`, selfPaced))
        .expect(201);
      expect(await published(`${id}-e`)).toMatchObject({ releaseRequired: false });
    });

    it('refuses a time without its end, a time of day out of range, and an http link (400 naming the field)', async () => {
      const refused = async (session: object) => {
        const res = await http()
          .post('/programmes')
          .send(
            programmeBody(`${id}-bad`, { sessions: [{ sessionId: 's1', date: '2026-02-02', title: 'x', ...session }] }),
          )
          .expect(400);
        return (res.body as { errors: { field: string }[] }).errors.map((e) => e.field);
      };
      expect(await refused({ startTime: '08:00', venue: 'Aula' })).toEqual(['sessions.0.endTime']);
      expect(await refused({ startTime: '08:00', endTime: '24:00', venue: 'Aula' })).toEqual([
        expect.stringMatching(/endTime/),
      ]);
      expect(await refused({ startTime: '08:00', endTime: '10:00', onlineUrl: 'http://meet.example.go.id/x' })).toEqual(
        [expect.stringMatching(/onlineUrl/)],
      );
      expect(await refused({ startTime: '08:00', endTime: '10:00' })).toEqual(['sessions.0.venue']);
    });
  });
});
