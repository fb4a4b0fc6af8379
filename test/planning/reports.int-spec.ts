import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { getPlanVsActual, getShortage, ResponseOf } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { eventually, httpOf, type TestAuth } from '@kompeten/testing';
import { startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';
import { startBudgetApp, type BudgetApp } from '../../services/budget/test/budget-app';
import { roleTokens, startGateway } from '../../services/gateway/test/gateway-app';
import { OpenApiConformance, type OpenApiDocument } from '../support/openapi-conformance';
import { independentShortage } from './support/independent-shortage';
import { reportsOpd, seedReportsOpd } from './support/reports-opd';

type Shortage = ResponseOf<typeof getShortage>;
type PlanVsActual = ResponseOf<typeof getPlanVsActual>;

// The two planning reports through the gateway, on the real enrolment and budget services (real
// Postgres, real Kafka): one OPD's year worked by hand in docs/planning/shortage-and-plan-vs-actual.md
// ("The integration test's OPD", seeded by support/reports-opd.ts), and the cost of its 20-JP
// shortfall recomputed by a second, independent query over the event log.
const YEAR = new CityCalendar().yearOf(new Date());
const o = reportsOpd(randomBytes(3).toString('hex'), YEAR, new CityCalendar().dateOf(new Date()));
const { OPD, OTHER, K2 } = o;

describe('the shortage and plan-against-actual reports', () => {
  let enrolment: INestApplication;
  let budget: BudgetApp;
  let gateway: INestApplication;
  let auth: TestAuth;
  let stops: (() => Promise<void>)[] = [];
  let officer: string;
  const en = () => httpOf(enrolment);
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const shortage = async (token = officer, year = YEAR) =>
    (await httpOf(gateway).get(`/api/v1/units/${OPD}/shortage?year=${year}`).set(bearer(token)).expect(200))
      .body as Shortage;

  beforeAll(async () => {
    const e = await startEnrolmentApp();
    budget = await startBudgetApp();
    enrolment = e.app;
    await Promise.all([enrolment.listen(0, '127.0.0.1'), budget.app.listen(0, '127.0.0.1')]);
    const g = await startGateway({ ENROLMENT_URL: await enrolment.getUrl(), BUDGET_URL: await budget.app.getUrl() });
    gateway = g.app;
    auth = g.auth;
    officer = (await roleTokens(auth))['training-officer'];
    stops = [g.stop, budget.stop, e.stop];

    await seedReportsOpd(enrolment, budget.app, o);
    await eventually(async () => ((await shortage()).plan ? true : undefined), 30000, 200);
  }, 180_000);
  afterAll(async () => {
    for (const stop of stops) await stop();
  });

  it('prices the shortfall at the OPD’s mix: 6 PNS, 5 below, 90 JP × 55,000 (3,300,000 / 60 JP) = 4,950,000', async () => {
    const s = await shortage();
    expect(s).toMatchObject({ opd: OPD, year: YEAR, pns: 6, belowTarget: 5, jpShort: 90 });
    expect(s.atCurrentMix).toEqual({ basis: 'opd', costPerJp: 55_000, rupiah: 4_950_000 });
    expect(s.plan).toEqual({ approvedRevision: 1, rupiah: 7_800_000 });
  });

  it('finds the cheapest mix with the year’s unit costs: klasikal (67,500) before magang (120,000) — 4,050,000', async () => {
    const s = await shortage();
    expect([s.unitCosts.klasikal.costPerJp, s.unitCosts['e-learning'].costPerJp, s.unitCosts.magang.costPerJp]).toEqual(
      [67_500, 30_000, 120_000],
    );
    expect(s.cheapestMix.forms.map((f) => [f.form, f.jp, f.rupiah])).toEqual([
      ['e-learning', 54, 1_620_000],
      ['magang', 0, 0],
      ['klasikal', 36, 2_430_000],
    ]);
    expect(s.cheapestMix.rupiah).toBe(4_050_000);
  });

  it('an independent query over the event log gives the same figure', async () => {
    const s = await shortage();
    const again = await independentShortage(enrolment.get(DataSource), OPD, YEAR);
    expect(again).toEqual({ pns: 6, belowTarget: 5, jpShort: 90, basis: 'opd', costPerJp: 55_000, rupiah: 4_950_000 });
    expect(again.rupiah).toBe(s.atCurrentMix.rupiah);
  });

  it('sets the budget left against the need, with the budget’s run-out forecast', async () => {
    const { budget: b } = await shortage();
    if (!('budgetLeft' in b)) throw new Error(`budget unavailable: ${b.unavailable}`);
    expect(b.budgetLeft).toBe(b.forecast.free);
    expect(b.forecast).toMatchObject({ opd: OPD, fiscalYear: YEAR, allocated: 5_100_000 });
    expect(b.rupiahNeeded).toBe(4_950_000);
    expect(b.shortBy).toBe(Math.max(0, 4_950_000 - b.budgetLeft));
    expect(b.cheapestShortBy).toBe(Math.max(0, 4_050_000 - b.budgetLeft));
  });

  it('says the budget is unavailable, and still answers, for a year without an open budget', async () => {
    const s = await shortage(officer, YEAR - 1);
    expect(s.budget).toEqual({ unavailable: expect.stringMatching(/^404 /) as unknown });
    expect(s).toMatchObject({ pns: 6, plan: null });
  });

  it('lets the OPD’s head read both reports, not another OPD’s head; a bad year is a 400 naming it', async () => {
    const own = await auth.token({ roles: ['unit-head'], unit: OPD });
    const other = await auth.token({ roles: ['unit-head'], unit: OTHER });
    await shortage(own);
    await httpOf(gateway).get(`/api/v1/units/${OPD}/plan-vs-actual`).set(bearer(own)).expect(200);
    await httpOf(gateway).get(`/api/v1/units/${OPD}/shortage`).set(bearer(other)).expect(403);
    await httpOf(gateway).get(`/api/v1/units/${OPD}/plan-vs-actual`).set(bearer(other)).expect(403);
    const bad = await httpOf(gateway).get(`/api/v1/units/${OPD}/shortage?year=abc`).set(bearer(officer)).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(new Set((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field))).toEqual(
      new Set(['year']),
    );
  });

  it('compares the approved plan with what happened, per quarter and per line', async () => {
    const r = (
      await httpOf(gateway).get(`/api/v1/units/${OPD}/plan-vs-actual?year=${YEAR}`).set(bearer(officer)).expect(200)
    ).body as PlanVsActual;
    const f = (people: number, jp: number, rupiah: number) => ({ people, jp, rupiah });
    const none = {
      declined: {},
      withdrawn: {},
      notCompleted: {},
      waitlistedForFunds: 0,
      waitlistedForCapacity: 0,
      cancelled: 0,
    };
    expect(r.approvedRevision).toBe(1);
    expect(r.quarters).toEqual([
      {
        quarter: 1,
        planned: f(3, 72, 4_500_000),
        enrolled: f(1, 24, 1_500_000),
        completed: f(1, 24, 1_500_000),
        differences: { ...none, withdrawn: { workload: 1 } },
      },
      { quarter: 2, planned: f(0, 0, 0), enrolled: f(0, 0, 0), completed: f(0, 0, 0), differences: none },
      {
        quarter: 3,
        planned: f(2, 32, 2_400_000),
        enrolled: f(1, 16, 1_200_000),
        completed: f(0, 0, 0),
        differences: { ...none, waitlistedForFunds: 1 },
      },
      { quarter: 4, planned: f(0, 0, 0), enrolled: f(0, 0, 0), completed: f(0, 0, 0), differences: none },
      {
        quarter: null,
        planned: f(3, 30, 900_000),
        enrolled: f(3, 30, 900_000),
        completed: f(2, 20, 600_000),
        differences: { ...none, notCompleted: { absent: 1 } },
      },
    ]);
    expect(r.lines.map((l) => [l.lineId, l.enrolled.people, l.completed.people])).toEqual([
      ['L1', 1, 1],
      ['L2', 3, 2],
      ['L3', 1, 0],
    ]);
    expect(r.unplanned.enrolled).toEqual(f(0, 0, 0));
    expect(r.total).toEqual({
      planned: f(8, 134, 7_800_000),
      enrolled: f(5, 70, 3_600_000),
      completed: f(3, 44, 2_100_000),
      differences: { ...none, withdrawn: { workload: 1 }, notCompleted: { absent: 1 }, waitlistedForFunds: 1 },
    });
  });

  it('a revised price moves both derivations alike: K2 at 1,600,000 → 3,700,000 / 60 JP = 61,667 a JP', async () => {
    await en().post(`/programmes/${K2}/revisions`).send({ costPerParticipant: 1_600_000 }).expect(201);
    const s = await eventually(
      async () => {
        const now = await shortage();
        return now.atCurrentMix.costPerJp !== 55_000 ? now : undefined;
      },
      30000,
      200,
    );
    expect(s.atCurrentMix).toEqual({ basis: 'opd', costPerJp: 61_667, rupiah: 90 * 61_667 });
    expect(s.unitCosts.klasikal.costPerJp).toBe(77_500);
    expect(await independentShortage(enrolment.get(DataSource), OPD, YEAR)).toMatchObject({
      costPerJp: 61_667,
      rupiah: 5_550_030,
    });
  });

  it('answers as the gateway’s OpenAPI document says (the composed budget side in both its shapes)', async () => {
    const gw = httpOf(gateway);
    const conformance = new OpenApiConformance((await gw.get('/api/docs-json').expect(200)).body as OpenApiDocument);
    for (const path of [`shortage?year=${YEAR}`, `shortage?year=${YEAR - 1}`, `plan-vs-actual?year=${YEAR}`]) {
      const res = await gw.get(`/api/v1/units/${OPD}/${path}`).set(bearer(officer)).expect(200);
      conformance.check('GET', `/api/v1/units/${OPD}/${path.split('?')[0]}`, 200, res.get('content-type'), res.body);
    }
    expect(conformance.mismatches).toEqual([]);
  });
});
