import { randomUUID } from 'node:crypto';
import { EventStore } from '@kompeten/event-store';
import { eventually, httpOf } from '@kompeten/testing';
import type { AssessmentView } from '../../services/assessment/src/queries/get-competency-profile/competency-profile';
import type { ProgrammeView } from '../../services/enrolment/src/queries/get-programme/get-programme.handler';
import type { LedgerYear } from '../../services/enrolment/src/queries/jp-ledger';
import type { Response, Test } from 'supertest';
import { OpenApiConformance, type OpenApiDocument } from '../support/openapi-conformance';
import { startPlatform } from './five-services';

// The parts of the gateway's answers this story reads.
interface CompetencyProfileBody {
  history?: AssessmentView[];
}
interface StaffProfileBody {
  jpLedger?: LedgerYear[];
  competencies?: CompetencyProfileBody;
  training: unknown[];
}
interface PublicScorecardsBody {
  units: { unitCode: string }[];
}
interface AuditHeadBody {
  head: { position: number };
}
interface AuditChainPage {
  ok: boolean;
  head: unknown;
  next: { after: number; anchor: string } | null;
}

// The whole story through the gateway alone, on the five real services, real Kafka and Postgres:
// register staff, publish a programme, enrol, the budget commits, attend, complete, assess,
// citizens respond — and the scorecard and correlation report show it.
describe('a full story through the gateway', () => {
  let p: Awaited<ReturnType<typeof startPlatform>>;
  const tag = Date.now().toString(36).toUpperCase();
  const OPD = `DINKES-${tag}`;
  const UNIT = `PKM-${tag}`;
  const programmeId = `kom-${tag.toLowerCase()}`;
  const birth = `19${70 + (Date.now() % 20)}0${1 + (Date.now() % 9)}1${Date.now() % 9}`;
  const [nurse, midwife] = [`${birth}2010012001`, `${birth}2010012002`];
  let conformance: OpenApiConformance;
  // Every answer of the story is also checked against the gateway's own OpenAPI document.
  const conforms = (res: Response) => {
    const req = (res as Response & { req: { method: string; path: string } }).req;
    const body: unknown =
      res.type === 'application/json' || res.type === 'application/problem+json' ? res.body : res.text;
    conformance.check(req.method, req.path.split('?')[0], res.status, res.get('content-type'), body);
  };
  const api = () => {
    const agent = httpOf(p.gateway);
    const observed = (t: Test) => t.expect(conforms);
    return { get: (url: string) => observed(agent.get(url)), post: (url: string) => observed(agent.post(url)) };
  };
  const as = (role: keyof typeof p.tokens) => ({ Authorization: `Bearer ${p.tokens[role]}` });
  const officer = () => as('training-officer');

  beforeAll(async () => {
    p = await startPlatform();
    conformance = new OpenApiConformance(
      (await httpOf(p.gateway).get('/api/docs-json').expect(200)).body as OpenApiDocument,
    );
  }, 120000);
  afterAll(async () => {
    await p?.stop();
  });

  it('tells the story end to end', async () => {
    await api()
      .post('/api/v1/service-units')
      .set(officer())
      .send({
        unitCode: UNIT,
        name: `Puskesmas ${tag}`,
        opd: OPD,
        kind: 'puskesmas',
        annualServiceUsers: 100,
        services: [{ code: 'POLI-UMUM', name: 'Poli umum' }],
      })
      .expect(201);
    for (const nip of [nurse, midwife]) {
      await api()
        .post('/api/v1/staff')
        .set(officer())
        .send({
          nip,
          name: 'Staf Uji',
          employmentType: 'PNS',
          workUnit: { opd: OPD, serviceUnit: UNIT },
          position: 'Perawat',
          // Serving since before the training below (registration dates are the business's, not the clock's).
          registeredOn: '2026-01-05',
        })
        .expect(201);
    }
    const { budgetId } = (
      await api()
        .post('/api/v1/budgets')
        .set(officer())
        .send({ fiscalYear: 2026, opd: OPD, fundingSource: 'APBD', ceiling: 10_000_000 })
        .expect(201)
    ).body as { budgetId: string };
    await api()
      .post(`/api/v1/budgets/${budgetId}/allocations`)
      .set(officer())
      .send({ programmeId, amount: 3_000_000 })
      .expect(201);
    await api()
      .post('/api/v1/programmes')
      .set(officer())
      .send({
        programmeId,
        title: 'Komunikasi efektif dan manajemen pasien',
        competencyType: 'teknis',
        competencyArea: 'effective-communication',
        form: 'klasikal',
        jp: 24,
        costPerParticipant: 1_500_000,
        capacity: 10,
        fundingOpd: OPD,
        sessions: [{ sessionId: 's1', date: '2026-02-02', title: 'Hari 1' }],
        // Training held in February, recorded now: enrolment after the first session needs late enrolment.
        lateEnrolment: true,
        // The seat confirms on the budget's answer alone (no unit head's release).
        releaseRequired: false,
      })
      .expect(201);

    // Enrol: the budget commits through Kafka and the enrolment is confirmed.
    const enrolled = await api()
      .post(`/api/v1/programmes/${programmeId}/enrolments`)
      .set(officer())
      .set('X-Correlation-Id', `story-${tag}`)
      .send({ nip: nurse })
      .expect(201);
    expect((enrolled.body as { events: string[] }).events).toEqual(['StaffEnrolled']);
    await eventually(async () => {
      const prog = (await api().get(`/api/v1/programmes/${programmeId}`).set(officer())).body as ProgrammeView;
      return prog.enrolments?.[0]?.status === 'confirmed' ? prog : undefined;
    }, 30000);
    // The request's correlation id is in the event the budget wrote in answer.
    const committed = (await p.budget.get(EventStore).readAll(0, 1000)).find(
      (e) => e.type === 'FundsCommitted' && (e.data as { nip: string }).nip === nurse,
    );
    expect(committed?.metadata.correlationId).toBe(`story-${tag}`);
    const utilisation: unknown = (await api().get(`/api/v1/budgets/${budgetId}`).set(as('auditor')).expect(200)).body;
    expect(JSON.stringify(utilisation)).toContain('1500000');

    await api()
      .post(`/api/v1/programmes/${programmeId}/enrolments/${nurse}/attendance`)
      .set(officer())
      .send({ sessionId: 's1', attended: true })
      .expect(201);
    await api()
      .post(`/api/v1/programmes/${programmeId}/enrolments/${nurse}/completion`)
      .set(officer())
      .send({ completedOn: '2026-02-02' })
      .expect(201);

    // The assessment service scheduled the post-assessment from TrainingCompleted; record it.
    const post = await eventually(async () => {
      const profile = (await api().get(`/api/v1/staff/${nurse}/competency-profile`).set(officer()))
        .body as CompetencyProfileBody;
      return profile.history?.find((a) => a.kind === 'post' && a.status === 'scheduled');
    }, 30000);
    await api()
      .post(`/api/v1/staff/${nurse}/assessments/${post.assessmentId}/result`)
      .set(officer())
      .send({ assessor: 'assessor-1', method: 'test', score: 85, assessedOn: '2026-02-10' })
      .expect(201);

    // Citizens respond from a kiosk, naming the nurse who served them.
    for (let i = 0; i < 6; i++) {
      await api()
        .post('/api/v1/survey-responses')
        .set(as('kiosk'))
        .send({
          submissionId: randomUUID(),
          unitCode: UNIT,
          serviceCode: 'POLI-UMUM',
          servedOn: '2026-03-0' + (i + 1),
          servedBy: nurse,
          scores: { u1: 3, u2: 3, u3: 3, u4: 4, u5: 3, u6: 4, u7: 4, u8: 3, u9: 3 },
        })
        .expect(201);
    }

    // The staff profile composes the roster and the competencies.
    const profile = await eventually(async () => {
      const body = (await api().get(`/api/v1/staff/${nurse}`).set(officer())).body as StaffProfileBody;
      return body.jpLedger?.[0]?.jpCompleted === 24 && body.competencies?.history?.some((a) => a.status === 'recorded')
        ? body
        : undefined;
    }, 30000);
    expect(profile.training[0]).toMatchObject({ programmeId, status: 'completed', jpCredited: 24 });

    // IKM of six identical responses: Σ NRR × 1/9 × 25 = (3+3+3+4+3+4+4+3+3)/9 × 25 = 30/9 × 25 = 83.33 (B).
    const card = await eventually(async () => {
      const body: unknown = (
        await api().get(`/api/v1/service-units/${UNIT}/scorecard`).set(officer()).query({ period: '2026-Q1' })
      ).body;
      return JSON.stringify(body).includes('83.33') ? body : undefined;
    }, 30000);
    expect(JSON.stringify(card)).toMatch(/"grade":"B"/);
    const unitHead = await p.auth.token({ roles: ['unit-head'], unit: OPD });
    await api().get(`/api/v1/service-units/${UNIT}/scorecard`).set('Authorization', `Bearer ${unitHead}`).expect(200);
    await api().get(`/api/v1/service-units/${UNIT}/scorecard`).set(as('unit-head')).expect(403); // another OPD's head

    const publicCards = (await api().get('/api/v1/public/scorecards').query({ period: '2026-Q1' }).expect(200))
      .body as PublicScorecardsBody;
    const mine = publicCards.units.find((u) => u.unitCode === UNIT);
    expect(mine).toMatchObject({ ikm: 83.33, grade: 'B', responses: 6 });
    expect(JSON.stringify(publicCards)).not.toContain(nurse); // aggregates only

    const report: unknown = (
      await api()
        .get('/api/v1/correlation-report')
        .set(as('auditor'))
        .query({ from: '2026-Q1', to: '2026-Q1' })
        .expect(200)
    ).body;
    expect(JSON.stringify(report)).toContain(UNIT);
    const csv = await api()
      .get('/api/v1/correlation-report')
      .set(officer())
      .query({ from: '2026-Q1', to: '2026-Q1', format: 'csv' })
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
  }, 240000);

  it('lets an auditor verify every service’s log through the gateway, and read its events with their hashes', async () => {
    for (const service of ['enrolment', 'assessment', 'budget', 'feedback']) {
      const { head } = (await api().get(`/api/v1/audit/${service}/head`).set(as('auditor')).expect(200))
        .body as AuditHeadBody;
      expect(head.position).toBeGreaterThan(0);
      let next: AuditChainPage['next'] = { after: 0, anchor: '' };
      let last: AuditChainPage | undefined;
      while (next) {
        const link = (
          await api()
            .get(`/api/v1/audit/${service}/chain`)
            .set(as('auditor'))
            .query({ after: next.after, anchor: next.anchor || undefined })
            .expect(200)
        ).body as AuditChainPage;
        last = link;
        expect(link.ok).toBe(true);
        next = link.next;
      }
      expect(last!.head).toEqual(head);
    }
    const page: unknown = (
      await api()
        .get('/api/v1/audit/enrolment/events')
        .set(as('auditor'))
        .query({ type: 'StaffRegistered', limit: 1000 })
        .expect(200)
    ).body;
    const registered = JSON.stringify(page);
    expect(registered).toContain(nurse);
    expect(registered).toMatch(/"hash":"[0-9a-f]{64}"/);
    await api().get('/api/v1/audit/enrolment/head').set(officer()).expect(403);
    await api().get('/api/v1/audit/gateway/head').set(as('auditor')).expect(400);
  });

  it('answered every request as the gateway’s OpenAPI document says (bodies validated against its schemas)', () => {
    expect(conformance.seen.size).toBeGreaterThan(15);
    expect(conformance.mismatches).toEqual([]);
  });
});
