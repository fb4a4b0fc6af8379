import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { EventStore } from '@kompeten/event-store';
import { eventually, httpOf } from '@kompeten/testing';
import { nip, programmeBody, staffBody, startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';
import { BudgetApp, startBudgetApp } from '../../services/budget/test/budget-app';
import type { BudgetView } from '../../services/budget/src/queries/get-budget/get-budget.handler';
import type { ProgrammeView } from '../../services/enrolment/src/queries/get-programme/get-programme.handler';

// The real enrolment service and the real budget service, each on its own database, talking only
// through the real Kafka topics: the saga end to end, including a restart of the budget service.
describe('the enrolment ↔ budget saga, through the real broker', () => {
  let enrolment: INestApplication;
  let stopEnrolment: () => Promise<void>;
  let budget: BudgetApp;
  const run = randomBytes(3).toString('hex');
  const opd = `SAGA-${run.toUpperCase()}`; // a unit nobody else funds: stale events from other runs never touch it
  // The programmes name their fiscal year (their sessions are in February 2026), so the budget is 2026's
  // whatever the clock says; completions are dated in 2026, never in the future.
  const year = 2026;
  const budgetId = `${year}-${opd}-APBD`;
  const P1 = `kom-${run}`;
  const P2 = `bencana-${run}`;
  const en = () => httpOf(enrolment);
  const bu = () => httpOf(budget.app);
  const programme = async (id: string) => (await en().get(`/programmes/${id}`).expect(200)).body as ProgrammeView;
  const statuses = async (id: string) => {
    const p = await programme(id);
    return Object.fromEntries([...p.enrolments, ...p.waitlist].map((e) => [e.nip, e.status]));
  };
  const budgetView = () =>
    bu()
      .get(`/budgets/${budgetId}`)
      .then((r) => r.body as BudgetView);
  const until = <T>(probe: () => Promise<T | undefined>) => eventually(probe, 30000, 200);

  beforeAll(async () => {
    ({ app: enrolment, stop: stopEnrolment } = await startEnrolmentApp());
    budget = await startBudgetApp();
    await bu().post('/budgets').send({ fiscalYear: year, opd, fundingSource: 'APBD', ceiling: 20_000_000 }).expect(201);
    // Money for three participants of P1, and for five of any disaster-management programme.
    await bu().post(`/budgets/${budgetId}/allocations`).send({ programmeId: P1, amount: 4_500_000 }).expect(201);
    await bu()
      .post(`/budgets/${budgetId}/allocations`)
      .send({ competencyArea: 'disaster-management', amount: 5_000_000 })
      .expect(201);
    for (let i = 0; i < 16; i++)
      await en()
        .post('/staff')
        .send(staffBody(nip(i), { workUnit: { opd } }))
        .expect(201);
    await en()
      .post('/programmes')
      .send(programmeBody(P1, { fundingOpd: opd, capacity: 10, fiscalYear: year }))
      .expect(201);
    await en()
      .post('/programmes')
      .send(
        programmeBody(P2, {
          fundingOpd: opd,
          fiscalYear: year,
          capacity: 20,
          costPerParticipant: 1_000_000,
          competencyArea: 'disaster-management',
        }),
      )
      .expect(201);
  });
  afterAll(async () => {
    await budget.stop();
    await stopEnrolment();
  });

  it('confirms enrolments while the money lasts and waitlists the rest for funds', async () => {
    for (let i = 0; i < 5; i++)
      await en()
        .post(`/programmes/${P1}/enrolments`)
        .send({ nip: nip(i) })
        .expect(201);
    const decided = await until(async () => {
      const s = Object.values(await statuses(P1));
      return s.filter((x) => x === 'confirmed').length === 3 && s.filter((x) => x === 'waitlisted-funds').length === 2
        ? s
        : undefined;
    });
    expect(decided).toHaveLength(5);
    const waitlisted = (await programme(P1)).waitlist;
    expect(waitlisted[0].waitlistReason).toMatch(/programme-kom-.* has 0 free; 1500000 needed/);
    const view = await until(async () => ((await budgetView()).committed === 4_500_000 ? budgetView() : undefined));
    expect(view.allocations).toContainEqual(
      expect.objectContaining({ allocationId: `programme-${P1}`, committed: 4_500_000, free: 0 }),
    );
    expect(view.free).toBe(5_000_000); // the disaster-management allocation is untouched
  });

  it('never revises an allocation below what is committed', async () => {
    const res = await bu()
      .post(`/budgets/${budgetId}/allocations/programme-${P1}/revisions`)
      .send({ amount: 4_499_999 })
      .expect(400);
    expect((res.body as { errors: unknown }).errors).toEqual([
      {
        field: 'amount',
        message: expect.stringContaining('cannot be below the 4500000 already committed') as unknown,
      },
    ]);
  });

  it('gives the funds of a withdrawal to the longest-waiting enrolment, not to a newcomer', async () => {
    const before = await statuses(P1);
    const confirmed = Object.keys(before).filter((n) => before[n] === 'confirmed');
    const log = await budget.app.get(EventStore).readStream(`budget-${budgetId}`);
    const firstInLine = (log.find((e) => e.type === 'CommitmentRejected')!.data as { nip: string }).nip;
    await en().post(`/programmes/${P1}/enrolments/${confirmed[0]}/withdrawal`).send({ reason: 'workload' }).expect(201);
    // The budget's queue commits the freed money to the first in line; the enrolment service confirms it.
    await until(async () => ((await statuses(P1))[firstInLine] === 'confirmed' ? true : undefined));
    await en()
      .post(`/programmes/${P1}/enrolments`)
      .send({ nip: nip(5) })
      .expect(201);
    await until(async () => ((await statuses(P1))[nip(5)] === 'waitlisted-funds' ? true : undefined));
    const view = await until(async () => {
      const v = await budgetView();
      return v.waiting === 2 ? v : undefined;
    });
    expect(view.committed).toBe(4_500_000);
  });

  it('records the expenditure of a completion: cost per JP and per trained staff member', async () => {
    const now = await statuses(P1);
    const trained = Object.keys(now).find((n) => now[n] === 'confirmed')!;
    for (const sessionId of ['s1', 's2'])
      await en()
        .post(`/programmes/${P1}/enrolments/${trained}/attendance`)
        .send({ sessionId, attended: true })
        .expect(201);
    await en()
      .post(`/programmes/${P1}/enrolments/${trained}/completion`)
      .send({ completedOn: `${year}-11-20` })
      .expect(201);
    const costs = await until(async () => {
      const c = (await bu().get(`/units/${opd}/costs?fiscalYear=${year}`).expect(200)).body as { completions: number };
      return c.completions === 1 ? c : undefined;
    });
    expect(costs).toMatchObject({
      trainedStaff: 1,
      spent: 1_500_000,
      jpDelivered: 24,
      costPerJp: 62_500,
      costPerTrainedStaff: 1_500_000,
    });
    const { rows: byProgramme } = (
      await bu().get(`/utilisation?fiscalYear=${year}&by=programme&opd=${opd}`).expect(200)
    ).body as { rows: unknown[] };
    expect(byProgramme).toContainEqual({
      programmeId: P1,
      allocated: 4_500_000,
      committed: 3_000_000,
      spent: 1_500_000,
      free: 0,
      utilisation: 1,
    });
    const forecast = (await bu().get(`/units/${opd}/forecast?fiscalYear=${year}`).expect(200)).body as {
      forecast: { dailyRate: number };
    };
    expect(forecast).toMatchObject({
      free: 5_000_000,
      forecast: {
        dailyRate: expect.any(Number) as unknown,
        runsOutOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) as unknown,
      },
    });
    expect(forecast.forecast.dailyRate).toBeGreaterThan(0);
  });

  it('releases every open commitment when the programme is cancelled', async () => {
    await en().post(`/programmes/${P1}/cancellation`).send({ reason: 'Narasumber berhalangan' }).expect(201);
    const view = await until(async () => {
      const v = await budgetView();
      return v.committed === 0 ? v : undefined;
    });
    expect(view).toMatchObject({ spent: 1_500_000, allocated: 9_500_000, free: 8_000_000 });
  });

  it('decides every enrolment exactly once across a restart of the budget service', async () => {
    // Enrolments arrive while the budget service stops; more arrive while it is down.
    const arriving = [6, 7, 8, 9].map((i) =>
      en()
        .post(`/programmes/${P2}/enrolments`)
        .send({ nip: nip(i) })
        .expect(201),
    );
    await budget.close();
    await Promise.all(arriving);
    for (const i of [10, 11, 12, 13])
      await en()
        .post(`/programmes/${P2}/enrolments`)
        .send({ nip: nip(i) })
        .expect(201);
    const restartedAt = new Date().toISOString();
    budget = await startBudgetApp(budget.db);

    // The area allocation holds 5 000 000: five of the eight at 1 000 000 each.
    const final = await until(async () => {
      const s = Object.values(await statuses(P2));
      return s.length === 8 && s.every((x) => x === 'confirmed' || x === 'waitlisted-funds') ? s : undefined;
    });
    expect(final.filter((x) => x === 'confirmed')).toHaveLength(5);
    const log = await budget.app.get(EventStore).readAll(0, 100_000);
    const answers = log.filter(
      (e) =>
        (e.type === 'FundsCommitted' || e.type === 'CommitmentRejected') &&
        (e.data as { programmeId: string }).programmeId === P2,
    );
    const perEnrolment = new Map<string, number>();
    for (const e of answers) {
      const id = (e.data as { enrolmentId: string }).enrolmentId;
      perEnrolment.set(id, (perEnrolment.get(id) ?? 0) + 1);
    }
    expect(perEnrolment.size).toBe(8);
    expect([...perEnrolment.values()].every((n) => n === 1)).toBe(true);
    expect(answers.filter((e) => e.type === 'FundsCommitted')).toHaveLength(5);
    // At least the four that arrived while it was down were decided by the restarted service.
    expect(answers.filter((e) => e.recordedAt >= restartedAt).length).toBeGreaterThanOrEqual(4);
  });
});
