import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CommandAcceptedBody, getTrainingPlan, ResponseOf } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { eventually, httpOf, type TestAuth } from '@kompeten/testing';
import { nip, programmeBody, startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';
import { startGateway } from '../../services/gateway/test/gateway-app';
import { OpenApiConformance, type OpenApiDocument } from '../support/openapi-conformance';

type Plan = ResponseOf<typeof getTrainingPlan>;
type Problem = { type: string; errors?: { field: string }[]; currentRevision?: number; currentState?: string };
const events = (res: { body: unknown }) => (res.body as CommandAcceptedBody).events;
const problem = (res: { body: unknown }) => res.body as Problem;
const fields = (res: { body: unknown }) => (problem(res).errors ?? []).map((e) => e.field);

// The training plan as an event-sourced document, on the real enrolment service (Postgres, the
// broker): bad lines are refused naming the line and field with nothing appended, a stale revision
// is refused with the current one, a revision after approval keeps the approved lines in force, the
// history tells who did what, and the read model other reports use follows. Through the real
// gateway: a head of another OPD cannot approve (403), and nothing is appended.
describe('an OPD’s training plan, drafted, revised, submitted, returned and approved', () => {
  let enrolment: INestApplication;
  let gateway: INestApplication;
  let auth: TestAuth;
  let stops: (() => Promise<void>)[] = [];
  const run = randomBytes(3).toString('hex');
  const opd = `TP-${run.toUpperCase()}`;
  const year = 2027;
  const base = `/units/${opd}/training-plans`;
  const streamId = `training-plan-${year}-${opd}`;
  const programmeArea = `tp-area-${run}`;
  const officer = { 'x-actor': `user:officer-${run}` };
  const head = { 'x-actor': `user:kepala-${run}` };
  const en = () => httpOf(enrolment);
  const appended = async () => (await enrolment.get(EventStore).readStream(streamId)).length;
  const plan = async () => (await en().get(`${base}/${year}`).expect(200)).body as Plan;

  // The worked example of docs/planning/training-plan.md.
  const L1 = {
    lineId: 'L1',
    competencyArea: 'komunikasi',
    source: 'weak-skm-element',
    priority: 1,
    quarter: 2,
    form: 'klasikal',
    headCount: 12,
    people: [nip(1), nip(2)],
    jpPerPerson: 24,
    costPerJp: 150_000,
    rationale: 'NRR u7 2.61',
  };
  const L2 = {
    lineId: 'L2',
    competencyArea: 'pelayanan-publik',
    source: 'jp-shortfall',
    priority: 3,
    form: 'e-learning',
    headCount: 30,
    jpPerPerson: 8,
    costPerJp: 40_000,
  };
  const draft = (lines: object[]) => en().post(base).set(officer).send({ year, lines, proposedAsOf: '2026-11-20' });

  beforeAll(async () => {
    const e = await startEnrolmentApp();
    enrolment = e.app;
    await enrolment.listen(0, '127.0.0.1');
    const g = await startGateway({ ENROLMENT_URL: await enrolment.getUrl() });
    gateway = g.app;
    auth = g.auth;
    stops = [g.stop, e.stop];
    // A competency area is known once a published programme names it (besides the national and agency codes).
    await en()
      .post('/programmes')
      .send(programmeBody(`tp-${run}`, { competencyArea: programmeArea }))
      .expect(201);
  }, 120_000);
  afterAll(async () => {
    for (const stop of stops) await stop();
  });

  describe('bad lines: 400 naming the line and field, nothing appended', () => {
    it.each([
      ['a negative head count', [L1, { ...L2, headCount: -1 }], 'lines[1].headCount'],
      ['a fractional head count', [{ ...L1, headCount: 2.5 }], 'lines[0].headCount'],
      ['an unknown competency', [L1, { ...L2, competencyArea: 'bukan-kompetensi' }], 'lines[1].competencyArea'],
      ['a cost per JP that is not an exact integer', [{ ...L1, costPerJp: 1e20 }], 'lines[0].costPerJp'],
      // 12 × 24 × 2^52 rupiah: each figure exact, the product not (> Number.MAX_SAFE_INTEGER).
      ['rupiah that overflow', [{ ...L1, costPerJp: 2 ** 52 }], 'lines[0].costPerJp'],
      ['more people named than the head count', [{ ...L1, headCount: 1 }], 'lines[0].people'],
    ])('%s', async (_, lines, field) => {
      const res = await draft(lines).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(fields(res)).toContain(field);
      expect(await appended()).toBe(0);
    });
  });

  it('drafts revision 1 with each line’s rupiah; a second draft for the year is 409', async () => {
    const res = await draft([L1, L2]).expect(201);
    expect(res.body).toEqual({ streamId, version: 1, events: ['TrainingPlanDrafted'] });
    const p = await plan();
    expect(p).toMatchObject({ planId: `${year}-${opd}`, status: 'draft', revision: 1, proposedAsOf: '2026-11-20' });
    expect(p.lines.map((l) => l.estimatedRupiah)).toEqual([43_200_000, 9_600_000]);
    expect(p.totals).toEqual({ lines: 2, people: 42, jp: 528, rupiah: 52_800_000 });
    const again = await draft([L1]).expect(409);
    expect(problem(again)).toMatchObject({ currentRevision: 1, currentState: 'draft' });
  });

  it('a competency named only by a published programme is known', async () => {
    await eventually(async () => {
      const res = await en()
        .post(`${base}/${year}/revisions`)
        .set(officer)
        .send({
          revision: 1,
          lines: [L1, L2, { ...L2, lineId: 'L3', competencyArea: programmeArea }],
          note: 'Tambah L3',
        });
      return res.status === 201 ? res : undefined;
    });
    expect(await plan()).toMatchObject({ revision: 2, status: 'draft' });
  });

  it('a revision made on an older revision is 409 with the current one, and appends nothing', async () => {
    const before = await appended();
    const res = await en()
      .post(`${base}/${year}/revisions`)
      .set(officer)
      .send({ revision: 1, lines: [L1] })
      .expect(409);
    expect(problem(res)).toMatchObject({
      type: expect.stringMatching(/training-plan-revision-changed$/) as unknown,
      currentRevision: 2,
    });
    expect(await appended()).toBe(before);
  });

  it('the head returns a submitted revision with a reason; the officer revises and submits again', async () => {
    await en().post(`${base}/${year}/submission`).set(officer).send({ revision: 2 }).expect(201);
    await en().post(`${base}/${year}/return`).set(head).send({ revision: 2, reason: 'Kurangi klasikal' }).expect(201);
    expect((await plan()).status).toBe('returned');
    await en()
      .post(`${base}/${year}/revisions`)
      .set(officer)
      .send({
        revision: 2,
        lines: [{ ...L1, form: 'blended', costPerJp: 100_000 }, L2],
        note: 'L3 dihapus, L1 blended',
      })
      .expect(201);
    await en().post(`${base}/${year}/submission`).set(officer).send({ revision: 3 }).expect(201);
  });

  it('approving a revision that has since changed is 409 with the current revision; nothing appended', async () => {
    const before = await appended();
    const res = await en().post(`${base}/${year}/approval`).set(head).send({ revision: 2 }).expect(409);
    expect(problem(res)).toMatchObject({ currentRevision: 3, currentState: 'submitted' });
    expect(await appended()).toBe(before);
  });

  it('through the gateway, the head of another OPD may not approve (403); the OPD’s own head may', async () => {
    const before = await appended();
    const other = await auth.token({ roles: ['unit-head'], unit: 'DINKES' });
    const own = await auth.token({ sub: `kepala-${run}`, roles: ['unit-head'], unit: opd });
    const path = `/api/v1${base}/${year}/approval`;
    await httpOf(gateway).post(path).set('Authorization', `Bearer ${other}`).send({ revision: 3 }).expect(403);
    expect(await appended()).toBe(before);
    const res = await httpOf(gateway)
      .post(path)
      .set('Authorization', `Bearer ${own}`)
      .send({ revision: 3 })
      .expect(201);
    expect(events(res)).toEqual(['TrainingPlanApproved']);
  });

  it('approving the approved revision again answers 200 and appends nothing', async () => {
    const before = await appended();
    const res = await en().post(`${base}/${year}/approval`).set(head).send({ revision: 3 }).expect(200);
    expect(events(res)).toEqual([]);
    expect(await appended()).toBe(before);
  });

  it('a revision after approval is a new draft while the approved lines stay in force; the read model follows', async () => {
    const approvedLines = (await plan()).lines;
    await en()
      .post(`${base}/${year}/revisions`)
      .set(officer)
      .send({ revision: 3, lines: [{ ...L1, form: 'blended', costPerJp: 100_000 }] })
      .expect(201);
    const p = await plan();
    expect(p).toMatchObject({ status: 'draft', revision: 4, approvedRevision: 3, approvedLines });
    expect(p.approvedTotals).toEqual({ lines: 2, people: 42, jp: 528, rupiah: 38_400_000 }); // 12 × 24 × 100 000 + 9 600 000
    const row = await eventually(async () => {
      const [r] = await enrolment
        .get(DataSource)
        .query<{ status: string; revision: number; approved_revision: number; approved_lines: unknown }[]>(
          'select status, revision, approved_revision, approved_lines from training_plan where opd = $1 and year = $2',
          [opd, year],
        );
      return r?.revision === 4 ? r : undefined;
    });
    expect(row).toMatchObject({ status: 'draft', approved_revision: 3, approved_lines: approvedLines });
  });

  it('the history tells who did what and when, and what each revision changed', async () => {
    const { history } = await plan();
    expect(history.map((h) => [h.revision, h.type, h.actor])).toEqual([
      [1, 'TrainingPlanDrafted', officer['x-actor']],
      [2, 'TrainingPlanRevised', officer['x-actor']],
      [2, 'TrainingPlanSubmitted', officer['x-actor']],
      [2, 'TrainingPlanReturned', head['x-actor']],
      [3, 'TrainingPlanRevised', officer['x-actor']],
      [3, 'TrainingPlanSubmitted', officer['x-actor']],
      [3, 'TrainingPlanApproved', `unit-head:kepala-${run}`], // through the gateway: role and subject
      [4, 'TrainingPlanRevised', officer['x-actor']],
    ]);
    expect(history[3].note).toBe('Kurangi klasikal');
    expect(history[4]).toMatchObject({
      note: 'L3 dihapus, L1 blended',
      changes: [
        { lineId: 'L1', change: 'changed', fields: ['form', 'costPerJp', 'estimatedRupiah'] },
        { lineId: 'L3', change: 'removed', fields: [] },
      ],
    });
    expect(history.every((h) => !Number.isNaN(Date.parse(h.at)))).toBe(true);
  });

  it('answers as the service’s OpenAPI document says', async () => {
    const conformance = new OpenApiConformance((await en().get('/openapi.json').expect(200)).body as OpenApiDocument);
    const res = await en().get(`${base}/${year}`).expect(200);
    conformance.check('GET', `${base}/${year}`, 200, res.get('content-type'), res.body);
    const stale = await en().post(`${base}/${year}/approval`).set(head).send({ revision: 1 }).expect(409);
    conformance.check('POST', `${base}/${year}/approval`, 409, stale.get('content-type'), stale.body);
    expect(conformance.mismatches).toEqual([]);
  });

  it('a year without a plan is 404; a malformed revision is 400 naming it', async () => {
    await en().get(`${base}/2031`).expect(404);
    const res = await en().post(`${base}/${year}/submission`).set(officer).send({ revision: 1.5 }).expect(400);
    expect(fields(res)).toEqual(['revision']);
  });
});
