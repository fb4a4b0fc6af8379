import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { CityCalendar } from '@kompeten/domain';
import { eventually, httpOf, type TestAuth } from '@kompeten/testing';
import { nip, staffBody } from '../../services/enrolment/test/enrolment-app';
import { startPlatform } from './five-services';

interface Line {
  lineId: string;
  competencyArea: string;
  source: string;
  priority: number;
  people: string[];
  headCount: number;
  estimatedRupiah: number;
  [field: string]: unknown;
}
interface Decision {
  nip: string;
  rank: number;
  score: number;
  parts: { plan: number; jpShortfall: number; gap: number; ikm: number };
  outcome: 'funded' | 'waitlisted';
  requestedOn: string;
  explanation: string;
}
interface Participant {
  nip: string;
  status: string;
}
interface Row {
  planned: { people: number; jp: number; rupiah: number };
  enrolled: { people: number; jp: number; rupiah: number };
  differences: { waitlistedForFunds: number };
}
interface Problem {
  type: string;
  [field: string]: unknown;
}

// Issue 20's journey through the gateway, all five real services behind it: competency gaps (assessment),
// JP shortfalls (enrolment) and a weak SKM element (feedback) → the needs analysis proposes a plan → the
// officer drafts and submits it, the head approves (a stale revision is refused) → the OPD funds by need →
// four enrolments under a budget for two: the two later, higher-scoring requests are funded ahead of the
// two earlier ones, each decision with its score explained → the plan-against-actual report shows it.
describe('from gaps to a funded plan — through the gateway', () => {
  let gateway: INestApplication;
  let auth: TestAuth;
  let stop: () => Promise<void>;
  const run = randomBytes(3).toString('hex').toUpperCase();
  const opd = `PLN-${run}`;
  const unit = `PKM-PLN-${run}`;
  const position = `Perawat ${run}`;
  const programmeId = `komunikasi-${run.toLowerCase()}`;
  const today = new CityCalendar().dateOf(new Date());
  const year = Number(today.slice(0, 4)) + 1;
  // A (gap 2) and B (gap 1) enrol after C (no gap) and D (never assessed).
  const [A, B, C, D] = [nip(960), nip(961), nip(962), nip(963)];
  const tokens: Record<string, string> = {};
  const http = () => httpOf(gateway);
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const ASSESSED_ON = '2026-11-02';
  const planPath = `/api/v1/units/${opd}/training-plans/${year}`;

  beforeAll(async () => {
    const p = await startPlatform();
    gateway = p.gateway;
    auth = p.auth;
    stop = p.stop;
    tokens.officer = await auth.token({ roles: ['training-officer'] });
    tokens.head = await auth.token({ roles: ['unit-head'], unit: opd });
    tokens.otherHead = await auth.token({ roles: ['unit-head'], unit: 'DINKES' });
    tokens.kiosk = await auth.token({ roles: ['kiosk'] });
    tokens.A = await auth.token({ roles: ['staff'], nip: A });

    await http()
      .post('/api/v1/service-units')
      .set(as('officer'))
      .send({
        unitCode: unit,
        name: `Puskesmas ${run}`,
        opd,
        kind: 'puskesmas',
        annualServiceUsers: 100,
        services: [{ code: 'POLI-UMUM', name: 'Poli umum' }],
      })
      .expect(201);
    for (const n of [A, B, C, D])
      await http()
        .post('/api/v1/staff')
        .set(as('officer'))
        .send(staffBody(n, { position, workUnit: { opd, serviceUnit: unit } }))
        .expect(201);
    await http()
      .post('/api/v1/position-standards')
      .set(as('officer'))
      .send({ position, requirements: [{ competencyCode: 'komunikasi', level: 3 }] })
      .expect(201);
    // The assessment service runs on its test clock (startAssessmentApp: 2026-11-29): assessed before it.
    // Observation scores are levels: A is at 1 (gap 2), B at 2 (gap 1), C at 3 (no gap).
    for (const [n, level] of [
      [A, 1],
      [B, 2],
      [C, 3],
    ] as const) {
      const scheduled = await http()
        .post(`/api/v1/staff/${n}/assessments`)
        .set(as('officer'))
        .send({ kind: 'periodic', competencyCode: 'komunikasi', dueOn: today })
        .expect(201);
      const { assessmentId } = scheduled.body as { assessmentId: string };
      await http()
        .post(`/api/v1/staff/${n}/assessments/${assessmentId}/result`)
        .set(as('officer'))
        .send({ assessor: 'assessor-1', method: 'observation', score: level, assessedOn: ASSESSED_ON })
        .expect(201);
    }
    // Citizens find staff behaviour (u7) poor: NRR 2.0, below grade B's 3.06.
    for (let i = 1; i <= 5; i++)
      await http()
        .post('/api/v1/survey-responses')
        .set(as('kiosk'))
        .send({
          submissionId: randomUUID(),
          unitCode: unit,
          serviceCode: 'POLI-UMUM',
          servedOn: `${year - 1}-07-0${i}`,
          scores: { u1: 3, u2: 3, u3: 3, u4: 4, u5: 3, u6: 4, u7: 2, u8: 3, u9: 3 },
        })
        .expect(201);
    await http()
      .post(`/api/v1/service-units/${unit}/periods/${year - 1}-Q3/closure`)
      .set(as('officer'))
      .send({})
      .expect(201);
  }, 180_000);
  afterAll(async () => stop?.());

  it('proposes, approves and funds by need, and reports plan against actual', async () => {
    // 1. The needs analysis sees the gaps, the weak element and the JP shortfalls (its inputs arrive by Kafka).
    const proposal = await eventually(async () => {
      const res = await http().get(`/api/v1/units/${opd}/needs-analysis`).query({ year }).set(as('officer'));
      const body = res.body as { lines?: Line[] };
      const lines = body.lines ?? [];
      const ready =
        lines.some((l) => l.lineId === 'gap-komunikasi' && l.people.length === 2) &&
        lines.some((l) => l.source === 'weak-skm-element' && l.competencyArea === 'komunikasi');
      return ready ? lines : undefined;
    }, 60_000);
    const gapLine = proposal.find((l) => l.lineId === 'gap-komunikasi')!;
    expect([...gapLine.people].sort()).toEqual([A, B].sort());
    expect(gapLine.priority).toBe(1); // the largest gap is 2
    expect(proposal.some((l) => l.source === 'jp-shortfall')).toBe(true);

    // 2. The officer drafts it from the proposal and submits; the head approves the revision it saw.
    const lines = proposal.map(({ estimatedRupiah: _computed, ...line }) => line);
    await http().post(`/api/v1/units/${opd}/training-plans`).set(as('officer')).send({ year, lines }).expect(201);
    await http().post(`${planPath}/submission`).set(as('officer')).send({ revision: 1 }).expect(201);
    await http().post(`${planPath}/approval`).set(as('otherHead')).send({ revision: 1 }).expect(403);
    // The officer changes it meanwhile: approving revision 1 is refused with the current one.
    const reviewed = lines.map((l, i) =>
      i === 0 ? { ...l, rationale: `${String(l.rationale)}; reviewed with the head` } : l,
    );
    await http()
      .post(`${planPath}/revisions`)
      .set(as('officer'))
      .send({ revision: 1, lines: reviewed, note: 'first line reviewed with the head' })
      .expect(201);
    const stale = await http().post(`${planPath}/approval`).set(as('head')).send({ revision: 1 }).expect(409);
    expect(JSON.stringify(stale.body as Problem)).toContain('"currentRevision":2');
    await http().post(`${planPath}/submission`).set(as('officer')).send({ revision: 2 }).expect(201);
    await http().post(`${planPath}/approval`).set(as('head')).send({ revision: 2 }).expect(201);

    // 3. Money for two: the OPD funds by need, weekly.
    await http()
      .post('/api/v1/budgets')
      .set(as('officer'))
      .send({ fiscalYear: year, opd, fundingSource: 'APBD', ceiling: 10_000_000 })
      .expect(201);
    await http()
      .post(`/api/v1/budgets/${year}-${opd}-APBD/allocations`)
      .set(as('officer'))
      .send({ competencyArea: 'komunikasi', amount: 2_000_000 })
      .expect(201);
    await http()
      .post(`/api/v1/units/${opd}/funding-policy`)
      .set(as('head'))
      .send({ fiscalYear: year, mode: 'by-need', windowDays: 7, windowsFrom: today })
      .expect(201);
    await http()
      .post('/api/v1/programmes')
      .set(as('officer'))
      .send({
        programmeId,
        title: 'Komunikasi efektif dengan pasien',
        competencyType: 'manajerial',
        competencyArea: 'komunikasi',
        form: 'klasikal',
        jp: 16,
        costPerParticipant: 1_000_000,
        capacity: 10,
        fundingOpd: opd,
        fiscalYear: year,
        sessions: [{ sessionId: 's1', date: `${year}-02-10`, title: 'Hari 1' }],
        releaseRequired: false,
      })
      .expect(201);
    // The plan line must be approved (projection) before the enrolments read their need.
    await eventually(async () => {
      const plan = (await http().get(planPath).set(as('officer'))).body as { approvedRevision?: number };
      return plan.approvedRevision === 2 ? true : undefined;
    }, 30_000);

    // 4. Four requests, lowest need first.
    for (const n of [D, C, B, A])
      await http().post(`/api/v1/programmes/${programmeId}/enrolments`).set(as('officer')).send({ nip: n }).expect(201);
    await eventually(async () => {
      const res = await http()
        .get(`/api/v1/units/${opd}/funding-decisions`)
        .query({ fiscalYear: year })
        .set(as('head'));
      const body = res.body as { pending?: unknown[] };
      return body.pending?.length === 4 ? true : undefined;
    }, 30_000);

    // 5. The window is decided: A and B funded, though they asked last; C and D wait, and anyone can see why.
    const decided = await http()
      .post(`/api/v1/units/${opd}/funding-windows`)
      .set(as('head'))
      .send({ fiscalYear: year, decisionDay: today })
      .expect(200);
    const decisions = (decided.body as { decisions: Decision[] }).decisions;
    const of = (n: string) => decisions.find((x) => x.nip === n)!;
    expect(decisions.map((x) => [x.nip, x.outcome])).toEqual([
      [A, 'funded'],
      [B, 'funded'],
      // C and D score the same (no gap): the earlier request ranks first.
      [D, 'waitlisted'],
      [C, 'waitlisted'],
    ]);
    expect(of(A).parts.gap).toBe(10); // gap 2 × 5
    expect(of(B).parts.gap).toBe(5);
    expect(of(A).parts.jpShortfall).toBe(30); // nobody has JP in a year that has not begun
    expect(of(A).score).toBeGreaterThan(of(D).score);
    expect(of(D).explanation).toMatch(/\S/);
    const again = await http()
      .post(`/api/v1/units/${opd}/funding-windows`)
      .set(as('head'))
      .send({ fiscalYear: year, decisionDay: today })
      .expect(200);
    expect((again.body as { decisions: Decision[] }).decisions).toEqual(decisions);

    const statuses = await eventually(async () => {
      const res = await http().get(`/api/v1/programmes/${programmeId}`).set(as('officer'));
      const body = res.body as { enrolments?: Participant[]; waitlist?: Participant[] };
      const all = [...(body.enrolments ?? []), ...(body.waitlist ?? [])];
      const byNip = Object.fromEntries(all.map((x) => [x.nip, x.status]));
      // Both waitlistings arrive through Kafka, in either order: wait for all four answers.
      const waiting = [C, D].every((n) => byNip[n] === 'waitlisted-funds');
      return byNip[A] === 'confirmed' && byNip[B] === 'confirmed' && waiting ? byNip : undefined;
    }, 30_000);
    expect(Object.keys(statuses)).toHaveLength(4);

    // 6. Plan against actual: two seats held by the plan's komunikasi people, two waiting for funds.
    const report = await eventually(async () => {
      const res = await http().get(`/api/v1/units/${opd}/plan-vs-actual`).query({ year }).set(as('head'));
      const body = res.body as { total?: Row; lines?: (Row & { competencyArea: string })[] };
      return body.total?.differences.waitlistedForFunds === 2 && body.total.enrolled.people === 2 ? body : undefined;
    }, 30_000);
    const komunikasi = report.lines!.filter((l) => l.competencyArea === 'komunikasi');
    expect(komunikasi.reduce((n, l) => n + l.enrolled.people, 0)).toBe(2);
    expect(report.total!.planned.rupiah).toBe(proposal.reduce((n, l) => n + l.estimatedRupiah, 0));

    // 7. What the shortage costs, beside the budget's own forecast.
    const shortage = (await http().get(`/api/v1/units/${opd}/shortage`).query({ year }).set(as('head')).expect(200))
      .body as { jpShort: number; pns: number; cheapestMix: { rupiah: number }; atCurrentMix: { rupiah: number } };
    expect(shortage.pns).toBe(4);
    expect(shortage.jpShort).toBe(80);
    expect(shortage.cheapestMix.rupiah).toBeLessThanOrEqual(shortage.atCurrentMix.rupiah);
  }, 240_000);

  it('lets a staff member propose a development plan that their head agrees, and shows progress on the profile', async () => {
    const proposed = await http()
      .post(`/api/v1/staff/${A}/development-plans`)
      .set(as('A'))
      .send({ year, targets: [{ competencyCode: 'komunikasi', targetLevel: 3 }], targetJp: 20 })
      .expect(201);
    expect((proposed.body as { events: string[] }).events).toEqual(['DevelopmentPlanProposed']);
    await http()
      .post(`/api/v1/units/DINKES/development-plan-agreements`)
      .set(as('otherHead'))
      .send({ nip: A, year, revision: 1 })
      .expect(403);
    await http()
      .post(`/api/v1/units/${opd}/development-plan-agreements`)
      .set(as('head'))
      .send({ nip: A, year, revision: 1 })
      .expect(201);
    const plan = (await http().get(`/api/v1/staff/${A}/development-plans/${year}`).set(as('A')).expect(200)).body as {
      status: string;
      progress: { jpRemaining: number; targets: { competencyCode: string; assessedLevel: number | null }[] };
    };
    expect(plan.status).toBe('agreed');
    expect(plan.progress.targets[0]).toMatchObject({ competencyCode: 'komunikasi', assessedLevel: 1, reached: false });
    expect(plan.progress.jpRemaining).toBe(20);
  }, 60_000);
});
