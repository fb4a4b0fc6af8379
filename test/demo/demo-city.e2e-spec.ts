import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CityCalendar } from '@kompeten/domain';
import { startAssessmentApp } from '../../services/assessment/test/assessment-app';
import { startBudgetApp } from '../../services/budget/test/budget-app';
import { startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';
import { startFeedbackApp } from '../../services/feedback/test/feedback-app';
import { startGateway } from '../../services/gateway/test/gateway-app';
import { GatewayClient } from '../../tools/demo/src/gateway/gateway-client';
import { planScenario } from '../../tools/demo/src/plan/scenario.plan';
import { findings } from '../../tools/demo/src/report/correlation-headline';
import { runScenario, ScenarioResult } from '../../tools/demo/src/run-scenario';
import { actors } from '../../tools/demo/src/run/demo-context';
import { lineProgress } from '../../tools/demo/src/run/progress';
import { forEachConcurrent } from '../../tools/demo/src/run/semaphore';
import { SIZES } from '../../tools/demo/src/scenario-sizes';
import { planPlanning } from '../../tools/demo/src/plan/planning.plan';
import { OpenApiConformance, type OpenApiDocument } from '../support/openapi-conformance';
import { independentShortage } from '../planning/support/independent-shortage';

// The demo generator against the real five services and the real gateway (real Postgres, real
// Kafka), all in this process on random ports. A tiny seeded city; the run tag keeps its codes apart
// from every other run on the shared broker.
describe('the demo city, through the gateway', () => {
  // The services run with the default city time zone (Asia/Jakarta): the demo reads "today" as they do.
  const today = new CityCalendar().dateOf(new Date());
  const plan = planScenario(7, SIZES.tiny, today, `T${randomBytes(3).toString('hex')}`);
  const stops: (() => Promise<void>)[] = [];
  const lines: string[] = [];
  let result: ScenarioResult;
  let conformance: OpenApiConformance;
  let client: GatewayClient;
  let enrolmentDb: DataSource;

  beforeAll(async () => {
    const listening = async (s: { app: INestApplication; stop: () => Promise<void> }) => {
      stops.unshift(s.stop);
      await s.app.listen(0, '127.0.0.1');
      return s.app.getUrl();
    };
    const enrolment = await startEnrolmentApp();
    enrolmentDb = enrolment.app.get(DataSource);
    const [ENROLMENT_URL, ASSESSMENT_URL, BUDGET_URL, FEEDBACK_URL] = await Promise.all([
      listening(enrolment),
      listening(await startAssessmentApp({}, today)),
      listening(await startBudgetApp()),
      listening(await startFeedbackApp()),
    ]);
    const gateway = await startGateway(
      { ENROLMENT_URL, ASSESSMENT_URL, BUDGET_URL, FEEDBACK_URL },
      { DOWNSTREAM_TIMEOUT_MS: '15000' },
    );
    const url = await listening(gateway);
    client = new GatewayClient(
      url,
      (actor) =>
        gateway.auth.token({
          sub: actor.sub,
          roles: [actor.role],
          unit: actor.unit,
          nip: actor.nip,
          azp: actor.clientId,
        }),
      8,
    );
    // Every answer the city gets is checked against the gateway's own OpenAPI document.
    conformance = new OpenApiConformance((await (await fetch(`${url}/api/docs-json`)).json()) as OpenApiDocument);
    client.observe = (request, answer) =>
      conformance.check(request.method, request.path, answer.status, answer.headers['content-type'], answer.body);
    result = await runScenario(
      plan,
      client,
      lineProgress((line) => (process.env.DEMO_LOG ? process.stderr.write(`${line}\n`) : lines.push(line))),
      8,
    );
  }, 360_000); // ~3–4 min on a 2-core machine; the survey answers are the long pole
  afterAll(async () => {
    for (const stop of stops) await stop();
  }, 60_000);

  it('sends the whole city without a failed command', () => {
    expect(result.skipped).toEqual([]);
    expect(result.failures).toEqual([]);
    expect(result.report.rows.reduce((s, r) => s + r.survey.responses, 0)).toBe(plan.surveys.length);
  });

  it('finds the effect built in: IKM rose where staff were trained in communication, with the CI above zero', () => {
    const effect = findings(result.report).find((f) => f.programmeId === plan.effect.programmeId);
    expect(effect).toMatchObject({ direction: 'rose', trained: plan.effect.units.length });
    expect([...effect!.trainedUnits].sort()).toEqual([...plan.effect.units].sort());
    // The generator adds +1.4 to the nine-element sum: 1.4 / 9 × 25 ≈ 3.9 IKM points.
    expect(effect!.ci95![0]).toBeGreaterThan(0);
    expect(effect!.ci95![0]).toBeLessThan(3.9);
    expect(effect!.ci95![1]).toBeGreaterThan(3.9);
  });

  it('finds no change where there is none: the disaster and digital programmes’ intervals hold zero', () => {
    const others = findings(result.report).filter((f) => f.programmeId !== plan.effect.programmeId);
    expect(others.map((f) => f.programmeId.replace(/-\d{4}.*$/, '')).sort()).toEqual([
      'layanan-digital',
      'siaga-bencana',
    ]);
    for (const f of others) {
      expect(f.direction).toBe('no detectable change');
      expect(f.ci95![0]).toBeLessThan(0);
      expect(f.ci95![1]).toBeGreaterThan(0);
    }
  });

  it('books each programme’s money in the fiscal year of its first session, with budgets for every year of the history', async () => {
    const api = client.as(actors.planner);
    const opds = new Set(plan.budgets.map((b) => b.opd));
    const ids = new Set(plan.programmes.map((p) => p.programmeId));
    const spentIn: number[] = [];
    for (const fiscalYear of plan.timeline.fiscalYears) {
      const units = await api.getUtilisation({ query: { fiscalYear, by: 'unit' } });
      const mine = units.rows.filter((r) => 'opd' in r && opds.has(r.opd));
      expect(mine).toHaveLength(opds.size); // every OPD has its budget in every year
      const byProgramme = await api.getUtilisation({ query: { fiscalYear, by: 'programme' } });
      const charged = byProgramme.rows.flatMap((r) =>
        'programmeId' in r && ids.has(r.programmeId) && r.committed + r.spent > 0 ? [r.programmeId] : [],
      );
      // Each programme is charged to its own fiscal year, and to no other.
      const expected = plan.programmes.filter((p) => p.fiscalYear === fiscalYear).map((p) => p.programmeId);
      expect(charged.sort()).toEqual(expected.sort());
      if (mine.some((r) => r.spent > 0)) spentIn.push(fiscalYear);
    }
    expect(spentIn.length).toBeGreaterThan(1); // not all the money in the current year
  });

  it('counts every unit’s staff in every unit-period of the correlation report (none without a headcount)', () => {
    const units = new Set(plan.units.map((u) => u.code));
    const rows = result.report.rows.filter((r) => units.has(r.unitCode));
    expect(rows).toHaveLength(plan.units.length * plan.closedQuarters.length + plan.units.length);
    for (const r of rows) {
      const staff = plan.staff.filter((s) => s.workUnit.serviceUnit === r.unitCode).length;
      expect({ unit: r.unitCode, period: r.period, headcount: r.training.headcount }).toEqual({
        unit: r.unitCode,
        period: r.period,
        headcount: staff,
      });
      expect(r.training.share20Jp).not.toBeNull();
    }
    expect(result.report.observationsWithoutHeadcount).toBe(0);
  });

  it('registered the staff with their real dates, before the history’s first quarter', async () => {
    const seen: { nip: string; registeredOn: string; positionSince: string }[] = [];
    await forEachConcurrent(plan.staff, 8, async (s) => {
      const profile = await client.as(actors.officerOf(s.workUnit)).getStaffProfile({ params: { nip: s.nip } });
      seen.push({ nip: s.nip, registeredOn: profile.registeredOn, positionSince: profile.positionSince });
    });
    const planned = (nip: string) => plan.staff.find((s) => s.nip === nip)!;
    for (const x of seen) {
      expect(x).toEqual({
        nip: x.nip,
        registeredOn: planned(x.nip).registeredOn,
        positionSince: planned(x.nip).positionSince,
      });
      expect(x.registeredOn < plan.timeline.historyStart).toBe(true);
    }
    expect(seen).toHaveLength(plan.staff.length);
  });

  it('lets the puskesmas heads release their staff within the continuity rule, each with a surat tugas, and confirms those seats', async () => {
    const { releases: r } = plan;
    const released = r.requests.filter((x) => x.decision.kind !== 'decline');
    expect(result.releases).toMatchObject({ rules: r.rules.length, confirmed: released.length });
    for (const p of r.programmes) {
      const view = await client.as(actors.bkpsdm(plan)).getProgramme({ params: { programmeId: p.programmeId } });
      expect(view).toMatchObject({ releaseRequired: true, fiscalYear: p.fiscalYear });
      const byNip = new Map([...view.enrolments, ...view.waitlist].map((e) => [e.nip, e]));
      for (const x of r.requests.filter((y) => y.programmeId === p.programmeId)) {
        const e = byNip.get(x.nip);
        if (x.decision.kind === 'decline')
          expect({ nip: x.nip, status: e?.status, declineReason: e?.declineReason }).toEqual({
            nip: x.nip,
            status: 'declined',
            declineReason: x.decision.reason,
          });
        else
          expect({
            nip: x.nip,
            status: e?.status,
            suratTugas: e?.release?.suratTugas,
            nominated: e?.release?.nominated,
          }).toEqual({
            nip: x.nip,
            status: 'confirmed', // released by the head and the funds committed: both
            suratTugas: x.suratTugas,
            nominated: x.decision.kind === 'nominate',
          });
      }
    }
  });

  it('shows each head the unit’s continuity rule, and the busiest puskesmas’s training days at its limit', async () => {
    const { releases: r } = plan;
    const days = r.programmes.flatMap((p) => p.sessions.map((s) => s.date)).sort();
    for (const rule of r.rules) {
      const calendar = await client.as(actors.headOf(rule)).getTrainingCalendar({
        params: { opd: rule.opd },
        query: { serviceUnit: rule.serviceUnit, from: plan.timeline.today, to: days[days.length - 1] },
      });
      expect({ unit: rule.serviceUnit, rule: calendar.rule, limit: calendar.limit }).toEqual({
        unit: rule.serviceUnit,
        rule: { maxAwayCount: rule.maxAwayCount, maxAwayShare: rule.maxAwayShare },
        limit: rule.limit,
      });
      for (const day of calendar.days) expect(day.awayCount).toBeLessThanOrEqual(rule.limit);
      if (rule.serviceUnit !== r.busiest) continue;
      const ours = r.requests.filter((x) => x.workUnit.serviceUnit === r.busiest && x.decision.kind !== 'decline');
      const awayOn = new Map<string, string[]>();
      for (const p of r.programmes)
        for (const s of p.sessions)
          for (const x of ours.filter((y) => y.programmeId === p.programmeId))
            awayOn.set(s.date, [...(awayOn.get(s.date) ?? []), x.nip].sort());
      expect(calendar.days.map((d) => d.date)).toEqual([...awayOn.keys()].sort());
      for (const day of calendar.days) {
        expect(day.atLimit).toBe(true); // the head declined one more for service continuity
        expect([...new Set(day.away.map((a) => a.nip))].sort()).toEqual(awayOn.get(day.date));
      }
    }
  });

  it('reports the workload declines where they happened: the busiest puskesmas', async () => {
    const { releases: r } = plan;
    const workload = r.requests.filter(
      (x) => x.decision.kind === 'decline' && x.decision.reason === 'workload-no-cover',
    ).length;
    expect(workload).toBeGreaterThanOrEqual(2);
    const report = await client.as(actors.planner).getReleaseReport({ query: { opd: r.rules[0].opd } });
    if (typeof report === 'string') throw new Error('the release report came as CSV');
    expect(report.totals.declines['workload-no-cover']).toBe(workload);
    expect(report.hotspots.find((h) => h.serviceUnit === r.busiest)).toMatchObject({ workloadDeclines: workload });
    expect(report.hotspots.filter((h) => h.workloadDeclines > 0).map((h) => h.serviceUnit)).toEqual([r.busiest]);
  });

  it('runs Dinas Sosial’s planning cycle: next year’s plan approved, the money short, funded by need and not by arrival', async () => {
    const p = planPlanning(plan);
    expect(result.planning).toMatchObject({ opd: p.opd, year: p.year });
    const outcome = result.planning!;
    expect(outcome.planRupiah).toBeGreaterThan(p.allocation); // the plan needs more than the budget holds
    const api = client.as(actors.headOf({ opd: p.opd, serviceUnit: null }));
    const seen = await api.listFundingDecisions({ params: { opd: p.opd }, query: { fiscalYear: p.year } });
    const decisions = seen.windows.flatMap((w) => w.decisions);
    expect(decisions).toHaveLength(p.applicants.length);
    const funded = decisions.filter((d) => d.outcome === 'funded');
    // Exactly those the plan's own scoring predicts (PNS' JP shortfall and the komunikasi gap decide).
    expect(funded.map((d) => d.nip).sort()).toEqual([...p.expectedFunded].sort());
    expect(outcome.funded).toBe(funded.length);
    // Every request costs the same and fits alone: the funded are exactly the best ranked, each score its parts' sum.
    expect(funded.map((d) => d.rank).sort((a, b) => a - b)).toEqual(funded.map((_, i) => i + 1));
    for (const d of decisions) {
      expect(d.score).toBeCloseTo(d.parts.plan + d.parts.jpShortfall + d.parts.gap + d.parts.ikm, 6);
      expect(d.explanation).toMatch(/score/);
    }
    const lowestFunded = Math.min(...funded.map((d) => d.score));
    for (const d of decisions.filter((x) => x.outcome === 'waitlisted'))
      expect(d.score).toBeLessThanOrEqual(lowestFunded);
    // Priority, not arrival, decided (test/demo/planning-plan.spec.ts: for the demo's seeds, at least one).
    expect(outcome.fundedAheadOfEarlier).toBe(p.expectedAheadOfEarlier);
  });

  it('reproduces what bringing every PNS to 20 JP costs, from the raw log by an independent query', async () => {
    for (const opd of [planPlanning(plan).opd, plan.releases.rules[0].opd]) {
      const year = plan.timeline.year;
      const shortage = await client.as(actors.planner).getShortage({ params: { opd }, query: { year } });
      const independent = await independentShortage(enrolmentDb, opd, year);
      expect(independent.pns).toBeGreaterThan(0);
      expect({
        pns: shortage.pns,
        belowTarget: shortage.belowTarget,
        jpShort: shortage.jpShort,
        basis: shortage.atCurrentMix.basis,
        costPerJp: shortage.atCurrentMix.costPerJp,
        rupiah: shortage.atCurrentMix.rupiah,
      }).toEqual(independent);
    }
  });

  it('counts verified learning outside the catalogue in the ledger of its year, and a rejected or waiting record nowhere', async () => {
    const items = plan.externalLearning;
    expect(items.length).toBeGreaterThan(0);
    expect(result.externalLearning).toEqual({
      recorded: items.length,
      verified: items.filter((x) => x.outcome?.decision === 'verify').length,
      rejected: items.filter((x) => x.outcome?.decision === 'reject').length,
      pending: items.filter((x) => x.outcome === null).length,
    });
    for (const x of items) {
      const record = await client.as(actors.officerOf(x.workUnit)).getStaffProfile({ params: { nip: x.nip } });
      const mine = record.externalLearning.find((e) => e.title === x.title && e.startDate === x.startDate);
      const status = !x.outcome ? 'recorded' : x.outcome.decision === 'verify' ? 'verified' : 'rejected';
      expect({ nip: x.nip, status: mine?.status }).toEqual({ nip: x.nip, status });
      if (status === 'verified') {
        // ⌊minutes / 45⌋, or less where the form's yearly cap cut it (and then it says so).
        expect(mine!.jpEarned).toBe(Math.floor(x.minutes / 45));
        expect(mine!.capApplied).toBe(mine!.jpCredited < mine!.jpEarned);
      } else expect(mine!.jpCredited).toBe(0);
      if (record.employmentType !== 'PNS') continue;
      // The ledger's year = the programmes completed in it + the external learning verified for it.
      const year = Number(x.endDate.slice(0, 4));
      const programmes = record.training
        .filter((t) => t.status === 'completed' && t.year === year)
        .reduce((sum, t) => sum + t.jpCredited, 0);
      const external = record.externalLearning
        .filter((e) => e.status === 'verified' && e.year === year)
        .reduce((sum, e) => sum + e.jpCredited, 0);
      expect(record.jpLedger.find((l) => l.year === year)?.jpCompleted).toBe(programmes + external);
    }
  });

  it('takes self-paced progress from the registered e-learning platform only (xAPI), once per statement', async () => {
    const taken = plan.programmes.flatMap((p) =>
      p.spec.modules ? p.participants.filter((x) => x.outcome !== 'withdraw').flatMap((x) => x.statements) : [],
    );
    const rows = await enrolmentDb.query<{ actor: string; n: number }[]>(
      `select metadata->>'actor' as actor, count(*)::int as n from es_event
        where type = 'LearningProgressRecorded' group by 1 order by 1`,
    );
    const platform = `learning-platform:moodle-bkpsdm-${plan.tag.toLowerCase()}`;
    expect(rows.map((r) => r.actor)).toEqual([platform]);
    // Every statement of the participants who took part, at most once (a participant still waiting for a seat sent none).
    expect(rows[0].n).toBeGreaterThan(0);
    expect(rows[0].n).toBeLessThanOrEqual(taken.length);
    const distinct = await enrolmentDb.query<{ n: number }[]>(
      `select count(distinct payload->>'statementId')::int as n from es_event where type = 'LearningProgressRecorded'`,
    );
    expect(distinct[0].n).toBe(rows[0].n);
  });

  it('issues a certificate for every completion, which anyone can check without a token', () => {
    const c = result.certificates!;
    expect(c.issued).toBe(c.expected);
    expect(c.expected).toBeGreaterThan(0);
    expect(c.verified.map((v) => v.status)).toEqual(c.verified.map(() => 'valid'));
    // Only the holder who chose it shows a name at the public URL.
    expect(c.verified.map((v) => v.holderName !== null)).toEqual(c.verified.map((_, i) => i === 0));
    for (const v of c.verified) expect(v.number).toMatch(/^KPT-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });

  it('got every answer as the gateway’s OpenAPI document says (bodies validated against its schemas)', () => {
    expect(conformance.mismatches).toEqual([]);
    expect(conformance.seen.size).toBeGreaterThan(15); // the city exercises 19 operations
  });
});
