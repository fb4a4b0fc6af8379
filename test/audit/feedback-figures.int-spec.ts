import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, eventually, TestDatabase, testKafka, httpOf } from '@kompeten/testing';
import {
  nipsForRun,
  responseBody,
  runTag,
  scoresOf,
  startFeedbackApp,
  unitBody,
} from '../../services/feedback/test/feedback-app';
import { audit } from './support/audit-cli';
import { auditFixture, AuditFixture } from './support/audit-fixture';
import {
  appendTo,
  expenditureRecorded,
  postAssessed,
  publishLog,
  staffRegistered,
  trainingCompleted,
} from './support/feedback-log';
import type { ReplayFileMeta } from './support/reports';

/** GET /service-units/:unitCode/scorecard, as far as these tests look inside it (it is compared whole). */
interface Scorecard {
  survey: { responses: number };
  training: { staff: { nip: string; jp: number }[] };
}

/** GET /correlation-report, as far as these tests look inside it (it is compared whole). */
interface CorrelationReport {
  rows: { unitCode: string; period: string; survey: { responses: number } }[];
}

/** Each figure's JSON file from `audit replay --out`: the meta, and the figure under its render's name. */
interface ReplayedFigures {
  'unit-scorecard': { meta: ReplayFileMeta; scorecard: Scorecard };
  'correlation-report': { meta: ReplayFileMeta; report: CorrelationReport };
}

// The unit scorecard and the correlation report are computed by the feedback service on request.
// The real service runs here on its own database, fed as in production (survey responses over
// HTTP; the enrolment, assessment and budget services' events through the real broker, from stand-in
// stores whose logs the audit tool replays). What its HTTP queries answered is compared with what
// `audit replay` makes of the logs, now and as of a moment captured while the test ran.
describe('audit replay of the feedback service’s unit scorecard and correlation report', () => {
  const kafka = testKafka('audit-feedback');
  let feedback: { app: INestApplication; db: TestDatabase; stop: () => Promise<void> };
  let foreign: Record<'enrolment' | 'assessment' | 'budget', AuditFixture>;
  let work: TestDatabase;
  let tmp: string;
  const tag = runTag();
  const UNIT = `PKM-${tag}`;
  const OTHER = `PKM-${tag}-B`;
  const nip = nipsForRun();
  const programme = `kom-${tag.toLowerCase()}`;
  const REPORT = { from: '2026-Q1', to: '2026-Q2' };
  // feedback.app is typed with Nest's default server type, `any`: the server is Node's HTTP server.
  const http = () => httpOf(feedback.app);
  const liveScorecard = async (period?: string) =>
    (
      await http()
        .get(`/service-units/${UNIT}/scorecard`)
        .query(period ? { period } : {})
        .expect(200)
    ).body as Scorecard;
  const liveReport = async () =>
    (await http().get('/correlation-report').query(REPORT).expect(200)).body as CorrelationReport;
  const respond = (unitCode: string, servedOn: string, digits: string, servedBy?: string) =>
    http()
      .post('/survey-responses')
      .send(
        responseBody(randomUUID(), unitCode, { servedOn, scores: scoresOf(digits), ...(servedBy ? { servedBy } : {}) }),
      )
      .expect(201);
  const conn = () => [
    '--database-url',
    `feedback=${feedback.db.url}`,
    '--database-url',
    `enrolment=${foreign.enrolment.db.url}`,
    '--database-url',
    `assessment=${foreign.assessment.db.url}`,
    '--database-url',
    `budget=${foreign.budget.db.url}`,
    '--work-database-url',
    work.url,
  ];
  const reportParams = ['--param', `from=${REPORT.from}`, '--param', `to=${REPORT.to}`];
  /** Replays a figure into a JSON file and returns the file's document. */
  const replayed = async <M extends keyof ReplayedFigures>(
    model: M,
    asOf: string,
    params: string[],
  ): Promise<ReplayedFigures[M]> => {
    const out = path.join(tmp, `${model}-${randomUUID()}.json`);
    const run = await audit(['replay', model, '--as-of', asOf, ...params, '--out', out, ...conn()]);
    if (run.code !== 0) throw new Error(`replay ${model} exited ${run.code}: ${run.stderr}`);
    return JSON.parse(fs.readFileSync(out, 'utf8')) as ReplayedFigures[M];
  };
  /** Waits until the live service has applied every response and every copied training event sent so far. */
  // The real topics also carry other tests' events (a fresh consumer group reads them from the
  // start), so only this test's staff are counted.
  const liveCaughtUp = (responses: number) =>
    eventually(
      async () => {
        const db = feedback.app.get(DataSource);
        const ours = [1, 2, 3, 4].map(nip);
        const count = async (table: string) =>
          Number(
            (
              await db.query<{ n: string }[]>(
                `select count(*) as n from ${table}${table === 'survey_responses' ? '' : ' where nip = any($1)'}`,
                table === 'survey_responses' ? [] : [ours],
              )
            )[0].n,
          );
        const arrived = [
          (await count('survey_responses')) === responses,
          (await count('fb_staff')) === 4,
          (await count('fb_training_completion')) === 2,
          (await count('fb_assessment_result')) === 1,
          (await count('fb_training_spend')) === 1,
        ];
        return arrived.every(Boolean) ? true : undefined;
      },
      60_000,
      200,
    );
  let earlier: { asOf: string; scorecard: Scorecard; report: CorrelationReport };

  beforeAll(async () => {
    feedback = await startFeedbackApp();
    // One at a time: a fresh broker answers a burst of topic creations with not-yet-known partitions.
    const enrolment = await auditFixture(kafka, 'audit_fb_enr');
    const assessment = await auditFixture(kafka, 'audit_fb_asm');
    const budget = await auditFixture(kafka, 'audit_fb_bud');
    foreign = { enrolment, assessment, budget };
    work = await createTestDatabase('audit_fb_work');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-feedback-'));

    for (const code of [UNIT, OTHER]) await http().post('/service-units').send(unitBody(code)).expect(201);
    for (const i of [1, 2, 3]) await appendTo(enrolment.store, `staff-${nip(i)}`, [staffRegistered(nip(i), UNIT)]);
    await appendTo(enrolment.store, `staff-${nip(4)}`, [staffRegistered(nip(4), OTHER)]);
    await appendTo(
      enrolment.store,
      `programme-${programme}`,
      [1, 2].map((i) => trainingCompleted(`${tag}-e${i}`, programme, nip(i), UNIT, '2026-03-12')),
    );
    await appendTo(budget.store, 'budget-feedback', [expenditureRecorded(`${tag}-e1`, programme, nip(1), 1_700_000)]);
    await appendTo(assessment.store, `assessment-record-${nip(1)}`, [
      postAssessed(`${tag}-a1`, programme, nip(1), '2026-03-20', 1),
    ]);
    for (const service of ['enrolment', 'assessment', 'budget'] as const)
      await publishLog(kafka, foreign[service].store, service);

    await respond(UNIT, '2026-02-10', '333333333', nip(1));
    await respond(UNIT, '2026-02-11', '343434343', nip(3));
    await respond(UNIT, '2026-05-05', '444444444');
    await respond(OTHER, '2026-02-12', '222333222', nip(4));
    await respond(OTHER, '2026-05-06', '333333333');
    await liveCaughtUp(5);
    // The moment an auditor will ask about, and what the service answered then.
    earlier = { asOf: new Date().toISOString(), scorecard: await liveScorecard('2026-Q1'), report: await liveReport() };
    await new Promise((r) => setTimeout(r, 20));
    await respond(UNIT, '2026-03-02', '444444444', nip(2));
    await respond(UNIT, '2026-03-03', '444433444');
    await respond(UNIT, '2026-03-04', '434343434');
    await respond(OTHER, '2026-05-07', '111222111');
    await liveCaughtUp(9);
  }, 180_000);
  afterAll(async () => {
    await feedback?.stop();
    await Promise.all(Object.values(foreign ?? {}).map((f) => f.close()));
    await work?.drop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('rebuilds a unit’s scorecard as of now, equal to what GET /service-units/:unitCode/scorecard answers', async () => {
    const doc = await replayed('unit-scorecard', new Date().toISOString(), [
      '--param',
      `unitCode=${UNIT}`,
      '--param',
      'period=2026-Q1',
    ]);
    const live = await liveScorecard('2026-Q1');
    expect(doc.scorecard).toEqual(live);
    expect(live.survey.responses).toBe(5);
    expect(live.training.staff.map((s) => [s.nip, s.jp]).sort()).toEqual(
      [
        [nip(1), 24],
        [nip(2), 24],
        [nip(3), 0],
      ].sort(),
    );
    expect(doc.meta).toMatchObject({ readModel: 'unit-scorecard', params: { unitCode: UNIT, period: '2026-Q1' } });
    expect(doc.meta.sources.map((s) => [s.service, s.events])).toEqual([
      ['feedback', 11],
      ['enrolment', 6],
      ['assessment', 1],
      ['budget', 1],
    ]);
    // Without a period the service answers for the current quarter; so does the replay, for the cut-off's.
    const current = await replayed('unit-scorecard', new Date().toISOString(), ['--param', `unitCode=${UNIT}`]);
    expect(current.scorecard).toEqual(await liveScorecard());
  });

  it('rebuilds the correlation report as of now, into a kept schema and a file, equal to what GET /correlation-report answers', async () => {
    const out = path.join(tmp, 'report-now.json');
    const run = await audit([
      'replay',
      'correlation-report',
      '--as-of',
      new Date().toISOString(),
      ...reportParams,
      '--schema',
      'audit_fb_report_now',
      '--out',
      out,
      ...conn(),
    ]);
    expect(run).toMatchObject({ code: 0 });
    const live = await liveReport();
    expect(live).toMatchObject({ observations: 4, units: 2 });
    expect((JSON.parse(fs.readFileSync(out, 'utf8')) as ReplayedFigures['correlation-report']).report).toEqual(live);
    const c = new Client({ connectionString: work.url });
    await c.connect();
    try {
      const [{ value }] = (
        await c.query<{ value: unknown }>(
          `select value from audit_fb_report_now._audit_replay where key = 'render:report'`,
        )
      ).rows;
      expect(value).toEqual(live);
    } finally {
      await c.end();
    }
  });

  it('as of an earlier moment, both figures are what the service answered then, not what it answers now', async () => {
    const scorecard = await replayed('unit-scorecard', earlier.asOf, [
      '--param',
      `unitCode=${UNIT}`,
      '--param',
      'period=2026-Q1',
    ]);
    expect(scorecard.scorecard).toEqual(earlier.scorecard);
    expect(scorecard.scorecard.survey.responses).toBe(2);
    expect((await liveScorecard('2026-Q1')).survey.responses).toBe(5);
    expect(scorecard.meta.sources[0]).toMatchObject({ service: 'feedback', events: 7 }); // two units, five responses

    const report = await replayed('correlation-report', earlier.asOf, reportParams);
    expect(report.report).toEqual(earlier.report);
    expect(report.report).not.toEqual(await liveReport());
    expect(report.report.rows.map((r) => [r.unitCode, r.period, r.survey.responses])).toEqual(
      earlier.report.rows.map((r) => [r.unitCode, r.period, r.survey.responses]),
    );
  });

  it('refuses what the service would refuse, saying why', async () => {
    const badPeriod = await audit([
      'replay',
      'unit-scorecard',
      '--as-of',
      new Date().toISOString(),
      '--param',
      `unitCode=${UNIT}`,
      '--param',
      'period=2026-Q5',
      '--out',
      path.join(tmp, 'x.json'),
      ...conn(),
    ]);
    expect(badPeriod.code).toBe(2);
    expect(badPeriod.stderr).toMatch(/--param period: period must be a month/);
    const unknown = await audit([
      'replay',
      'unit-scorecard',
      '--as-of',
      new Date().toISOString(),
      '--param',
      'unitCode=PKM-NOWHERE',
      '--out',
      path.join(tmp, 'y.json'),
      ...conn(),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/would have answered 404: no service unit PKM-NOWHERE/);
  });

  it('never touches the live read models', async () => {
    const snapshot = async () => {
      const c = new Client({ connectionString: feedback.db.url });
      await c.connect();
      try {
        const tables = (
          await c.query(
            `select table_schema, table_name from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`,
          )
        ).rows;
        const checkpoints = (
          await c.query('select projection, table_name, position, state from projection_checkpoint order by 1, 2')
        ).rows;
        const digests: Record<string, unknown> = {};
        // The training copy's tables only for this test's staff: the live consumers may still be
        // applying other tests' events from the shared topics while this runs.
        const ours = [1, 2, 3, 4].map(nip);
        for (const t of [
          'service_units',
          'survey_responses',
          'survey_period_closures',
          'fb_staff',
          'fb_staff_assignment',
          'fb_training_completion',
          'fb_assessment_result',
          'fb_training_spend',
        ]) {
          const mine = t.startsWith('fb_') ? ' where nip = any($1)' : '';
          digests[t] = (
            await c.query(
              `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${t} t${mine}`,
              mine ? [ours] : [],
            )
          ).rows[0];
        }
        return { tables, checkpoints, digests };
      } finally {
        await c.end();
      }
    };
    const before = await snapshot();
    expect(before.digests.survey_responses).toMatchObject({ n: 9 });
    await replayed('unit-scorecard', earlier.asOf, ['--param', `unitCode=${UNIT}`]);
    await replayed('correlation-report', new Date().toISOString(), reportParams);
    expect(await snapshot()).toEqual(before);
  });
});
