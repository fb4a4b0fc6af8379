import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { EventStore } from '@kompeten/event-store';
import { createTestDatabase, eventually, httpOf, TestDatabase } from '@kompeten/testing';
import { nip, programmeBody, staffBody, startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';
import { BudgetApp, startBudgetApp } from '../../services/budget/test/budget-app';
import type { BudgetView } from '../../services/budget/src/queries/get-budget/get-budget.handler';
import type { ProgrammeView } from '../../services/enrolment/src/queries/get-programme/get-programme.handler';
import type { CommandAcceptedBody, getTrainingCalendar, ResponseOf } from '@kompeten/api';
import { programmeEvents } from '../../services/enrolment/test/programme-events';

type Problem = { type: string; detail: string; errors?: { field: string }[] } & Record<string, unknown>;
type Calendar = ResponseOf<typeof getTrainingCalendar>;
const events = (res: { body: unknown }) => (res.body as CommandAcceptedBody).events;

/** The enrolment service on the given database (a restart starts another app on the same one). */
const startEnrolment = async (db: TestDatabase) => (await startEnrolmentApp({}, db)).app;

// The saga's new step, with the real enrolment and budget services on their own databases and the
// real broker: a seat is confirmed only with both the budget's commitment and the unit head's
// release (StaffReleased on the unit's training calendar → EnrolmentApproved on the programme), in
// either order; a decline gives the money back; a crash between the release and the programme's
// approval loses nothing and applies nothing twice.
describe('the release step of the enrolment saga, through the real broker', () => {
  let db: TestDatabase;
  let enrolment: INestApplication;
  let budget: BudgetApp;
  const run = randomBytes(3).toString('hex');
  const opd = `REL-${run.toUpperCase()}`;
  const unit = `PKM-${run.toUpperCase()}`;
  const budgetId = `2026-${opd}-APBD`;
  const P1 = `release-${run}`;
  const P2 = `overlap-${run}`;
  const head = { 'x-actor': `unit-head:kepala-${run}` };
  const en = () => httpOf(enrolment);
  const bu = () => httpOf(budget.app);
  const until = <T>(probe: () => Promise<T | undefined>) => eventually(probe, 30000, 200);
  const participant = async (programmeId: string, n: string) => {
    const p = (await en().get(`/programmes/${programmeId}`).expect(200)).body as ProgrammeView;
    return [...p.enrolments, ...p.waitlist].find((e) => e.nip === n);
  };
  const statusBecomes = (programmeId: string, n: string, status: string) =>
    until(async () => ((await participant(programmeId, n))?.status === status ? true : undefined));
  const release = (programmeId: string, n: string, path = 'releases') =>
    en()
      .post(`/units/${opd}/${path}`)
      .set(head)
      .send({ programmeId, nip: n, suratTugas: { number: `800/${n.slice(-3)}/${run}`, date: '2026-01-20' } });
  const sessions = (times: [string, string][]) =>
    times.map(([startTime, endTime], i) => ({
      sessionId: `s${i + 1}`,
      date: `2026-02-0${i + 2}`,
      title: `Hari ${i + 1}`,
      startTime,
      endTime,
      venue: 'Aula BKPSDM',
    }));
  const eventsOf = async (programmeId: string, type: string) =>
    (await programmeEvents(enrolment.get(EventStore), programmeId)).filter((e) => e.type === type);

  beforeAll(async () => {
    db = await createTestDatabase('release_saga');
    enrolment = await startEnrolment(db);
    budget = await startBudgetApp();
    await bu().post('/budgets').send({ fiscalYear: 2026, opd, fundingSource: 'APBD', ceiling: 20_000_000 }).expect(201);
    await bu().post(`/budgets/${budgetId}/allocations`).send({ programmeId: P1, amount: 9_000_000 }).expect(201);
    await bu().post(`/budgets/${budgetId}/allocations`).send({ programmeId: P2, amount: 9_000_000 }).expect(201);
    for (let i = 0; i < 6; i++)
      await en()
        .post('/staff')
        .send(staffBody(nip(i), { workUnit: { opd, serviceUnit: unit } }))
        .expect(201);
    const common = { fundingOpd: opd, capacity: 10, fiscalYear: 2026, releaseRequired: true };
    await en()
      .post('/programmes')
      .send(
        programmeBody(P1, {
          ...common,
          sessions: sessions([
            ['08:00', '12:00'],
            ['08:00', '12:00'],
          ]),
        }),
      )
      .expect(201);
    await en()
      .post('/programmes')
      .send(programmeBody(P2, { ...common, sessions: sessions([['10:00', '15:00']]) }))
      .expect(201);
  }, 120_000);
  afterAll(async () => {
    await budget?.stop();
    await enrolment?.close();
    await db?.drop();
  });

  it('funds first: the enrolment waits for the release, and the release confirms it', async () => {
    await en()
      .post(`/programmes/${P1}/enrolments`)
      .send({ nip: nip(0) })
      .expect(201);
    await statusBecomes(P1, nip(0), 'awaiting-release');
    const approved = await release(P1, nip(0)).expect(201);
    expect(approved.body).toMatchObject({ streamId: `training-calendar-${unit}`, events: ['StaffReleased'] });
    await statusBecomes(P1, nip(0), 'confirmed');
    expect((await participant(P1, nip(0)))?.release).toMatchObject({
      approvedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
      suratTugas: { number: `800/${nip(0).slice(-3)}/${run}`, date: '2026-01-20' },
      nominated: false,
    });
  });

  it('approving twice answers 200 and appends nothing', async () => {
    const again = await release(P1, nip(0)).expect(200);
    expect(events(again)).toEqual([]);
    expect(await eventsOf(P1, 'EnrolmentApproved')).toHaveLength(1);
  });

  it('a nomination enrols and releases in one step; the funds then confirm the seat', async () => {
    const nominated = await release(P1, nip(1), 'nominations').expect(201);
    expect(events(nominated)).toEqual(['StaffEnrolled', 'StaffReleased']);
    await statusBecomes(P1, nip(1), 'confirmed');
    expect((await participant(P1, nip(1)))?.release?.nominated).toBe(true);
  });

  it('refuses a release into overlapping sessions, naming the conflict', async () => {
    await en()
      .post(`/programmes/${P2}/enrolments`)
      .send({ nip: nip(0) })
      .expect(201);
    const refused = await release(P2, nip(0)).expect(409);
    expect(refused.body).toMatchObject({
      type: expect.stringContaining('schedule-conflict') as unknown,
      conflicts: [{ programmeId: P1, sessionId: 's1', date: '2026-02-02', with: 's1' }],
    });
    expect((refused.body as Problem).detail).toContain(`${P1} session s1 on 2026-02-02`);
  });

  it('refuses a release that breaks the unit’s continuity rule, with the dates that would be short', async () => {
    await en().post(`/units/${opd}/continuity-rule`).set(head).send({ serviceUnit: unit, maxAwayCount: 2 }).expect(201);
    await en()
      .post(`/programmes/${P1}/enrolments`)
      .send({ nip: nip(2) })
      .expect(201);
    const refused = await release(P1, nip(2)).expect(409);
    expect(refused.body).toMatchObject({
      shortDates: [
        { date: '2026-02-02', away: 2, limit: 2 },
        { date: '2026-02-03', away: 2, limit: 2 },
      ],
    });
    const calendar = await en()
      .get(`/units/${opd}/training-calendar`)
      .query({ serviceUnit: unit, from: '2026-02-01', to: '2026-02-28' })
      .expect(200);
    expect(calendar.body).toMatchObject({ limit: 2, headcount: 6, rule: { maxAwayCount: 2, maxAwayShare: null } });
    expect((calendar.body as Calendar).days).toEqual([
      expect.objectContaining({ date: '2026-02-02', awayCount: 2, atLimit: true }),
      expect.objectContaining({ date: '2026-02-03', awayCount: 2, atLimit: true }),
    ]);
    expect((calendar.body as Calendar).pending.map((p) => p.nip).sort()).toEqual([nip(0), nip(2)].sort());
  });

  it('a decline for workload gives the seat up and the budget’s money back', async () => {
    await statusBecomes(P1, nip(2), 'awaiting-release');
    const committedBefore = Number(((await bu().get(`/budgets/${budgetId}`).expect(200)).body as BudgetView).committed);
    await en()
      .post(`/units/${opd}/declines`)
      .set(head)
      .send({ programmeId: P1, nip: nip(2), reason: 'workload-no-cover' })
      .expect(201);
    await statusBecomes(P1, nip(2), 'declined');
    expect((await participant(P1, nip(2)))?.declineReason).toBe('workload-no-cover');
    await until(async () => {
      const b = (await bu().get(`/budgets/${budgetId}`).expect(200)).body as BudgetView;
      return Number(b.committed) === committedBefore - 1_500_000 ? true : undefined;
    });
    const again = await en()
      .post(`/units/${opd}/declines`)
      .set(head)
      .send({ programmeId: P1, nip: nip(2), reason: 'workload-no-cover' })
      .expect(200);
    expect(events(again)).toEqual([]);
  });

  it('refuses staff of another unit (403) and bad input (400), appending nothing', async () => {
    const before = (await enrolment.get(EventStore).head()).position;
    const other = await en()
      .post('/units/DINKES/releases')
      .set(head)
      .send({ programmeId: P1, nip: nip(3), suratTugas: { number: '1', date: '2026-01-20' } });
    // nip(3) is not enrolled: 404 before scope; enrol first, then ask as DINKES.
    expect(other.status).toBe(404);
    await en()
      .post(`/programmes/${P1}/enrolments`)
      .send({ nip: nip(3) })
      .expect(201);
    const forbidden = await en()
      .post('/units/DINKES/releases')
      .set(head)
      .send({ programmeId: P1, nip: nip(3), suratTugas: { number: '1', date: '2026-01-20' } })
      .expect(403);
    expect(forbidden.body).toMatchObject({ type: expect.stringContaining('staff-of-another-unit') as unknown });
    const bad = await en()
      .post(`/units/${opd}/declines`)
      .set(head)
      .send({ programmeId: P1, nip: nip(3), reason: 'too-busy' })
      .expect(400);
    expect(JSON.stringify((bad.body as Problem).errors)).toContain('reason');
    const noNote = await en()
      .post(`/units/${opd}/declines`)
      .set(head)
      .send({ programmeId: P1, nip: nip(3), reason: 'other' })
      .expect(400);
    expect(JSON.stringify((noNote.body as Problem).errors)).toContain('note');
    const appended = await enrolment.get(EventStore).readAll(before, 100);
    expect(appended.map((e) => e.type)).toEqual(['StaffEnrolled']);
  });

  it('a crash between the release and the programme’s approval loses nothing and approves once', async () => {
    // Room for one more that day (nip 0 and 1 are away).
    await en().post(`/units/${opd}/continuity-rule`).set(head).send({ serviceUnit: unit, maxAwayCount: 3 }).expect(201);
    await en()
      .post(`/programmes/${P1}/enrolments`)
      .send({ nip: nip(4) })
      .expect(201);
    await statusBecomes(P1, nip(4), 'awaiting-release');
    // Released, then the service goes down at once: the reaction may or may not have run.
    await release(P1, nip(4)).expect(201);
    await enrolment.close();
    enrolment = await startEnrolment(db);
    await statusBecomes(P1, nip(4), 'confirmed');
    const approvals = (await eventsOf(P1, 'EnrolmentApproved')).filter(
      (e) => (e.data as { nip: string }).nip === nip(4),
    );
    expect(approvals).toHaveLength(1);
    const confirmations = (await eventsOf(P1, 'EnrolmentConfirmed')).filter(
      (e) => (e.data as { nip: string }).nip === nip(4),
    );
    expect(confirmations).toHaveLength(1);
  });

  it('a withdrawal after the release frees the days on the unit’s calendar', async () => {
    await en()
      .post(`/programmes/${P1}/enrolments/${nip(4)}/withdrawal`)
      .send({ reason: 'workload' })
      .expect(201);
    await until(async () => {
      const calendar = await en()
        .get(`/units/${opd}/training-calendar`)
        .query({ serviceUnit: unit, from: '2026-02-01', to: '2026-02-28' })
        .expect(200);
      const away = (calendar.body as Calendar).days.flatMap((d) => d.away.map((a) => a.nip));
      return away.includes(nip(4)) ? undefined : true;
    });
    const ended = (await enrolment.get(EventStore).readStream(`training-calendar-${unit}`)).filter(
      (e) => e.type === 'ReleaseEnded',
    );
    expect(ended.map((e) => (e.data as { nip: string }).nip)).toEqual([nip(4)]);
  });
});
