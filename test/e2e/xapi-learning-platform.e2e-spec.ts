import type { INestApplication } from '@nestjs/common';
import XAPI, { type Statement } from '@xapi/xapi';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ProgrammeEvent } from '@kompeten/contracts';
import { EventStore } from '@kompeten/event-store';
import { eventually, httpOf } from '@kompeten/testing';
import { fakeBudget } from '../../services/enrolment/test/fake-budget';
import { nip, programmeBody, staffBody, startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';
import { roleTokens, startGateway } from '../../services/gateway/test/gateway-app';
import { programmeEvents } from '../../services/enrolment/test/programme-events';

type Enrolled = Extract<ProgrammeEvent, { type: 'StaffEnrolled' }>['data'];
const HOME = 'https://elearning.bukittinggi.example';
const LEARNER = nip(950);

// A Moodle-like client posts xAPI statements with a real xAPI library (@xapi/xapi, over axios) through the
// gateway, with its own client-credentials token; the learner's own token cannot do the same.
describe('xAPI statements from a learning platform, end to end through the gateway', () => {
  let gateway: INestApplication;
  let enrolment: INestApplication;
  let stops: (() => Promise<void>)[] = [];
  let budget: Awaited<ReturnType<typeof fakeBudget>>;
  let base: string;
  let tokens: Awaited<ReturnType<typeof roleTokens>> & { moodle: string; stranger: string };
  const run = `xapi-${Date.now().toString(36)}`;
  const programmeId = `${run}-el`;
  const clientId = `moodle-${run}`;
  const http = () => httpOf(gateway);
  const as = (role: keyof typeof tokens) => ({ Authorization: `Bearer ${tokens[role]}` });
  const xapi = (token: string) => new XAPI({ endpoint: `${base}/api/v1/xapi/`, auth: `Bearer ${token}` });
  const statement = (verb: string, module: number, extra: Partial<Statement> = {}): Statement => ({
    id: randomUUID(),
    actor: { objectType: 'Agent', account: { homePage: HOME, name: LEARNER } },
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } },
    object: { objectType: 'Activity', id: `${HOME}/mod/scorm/view.php?id=${module}` },
    timestamp: new Date().toISOString(),
    ...extra,
  });
  const statusOf = async (p: Promise<unknown>) =>
    p.then(
      () => 200,
      (e: { response?: { status: number } }) => e.response?.status ?? 0,
    );

  beforeAll(async () => {
    const e = await startEnrolmentApp();
    enrolment = e.app;
    await e.app.listen(0, '127.0.0.1');
    const g = await startGateway({ ENROLMENT_URL: await e.app.getUrl() });
    gateway = g.app;
    await gateway.listen(0, '127.0.0.1');
    base = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
    const moodle = { roles: ['learning-platform'], azp: clientId };
    const stranger = { roles: ['learning-platform'], azp: 'not-registered' };
    tokens = {
      ...(await roleTokens(g.auth)),
      moodle: await g.auth.token(moodle),
      stranger: await g.auth.token(stranger),
    };
    budget = await fakeBudget();
    stops = [g.stop, e.stop, () => budget.stop()];

    await http().post('/api/v1/staff').set(as('training-officer')).send(staffBody(LEARNER)).expect(201);
    const jp1 = { form: 'mobile', jp: 1, sessions: [], completionRule: { modules: ['m1', 'm2'], minScore: 70 } };
    await http()
      .post('/api/v1/programmes')
      .set(as('training-officer'))
      .send(programmeBody(programmeId, jp1))
      .expect(201);
    await http()
      .post(`/api/v1/programmes/${programmeId}/enrolments`)
      .set(as('training-officer'))
      .send({ nip: LEARNER })
      .expect(201);
    const store = enrolment.get(EventStore);
    const enrolled = (await programmeEvents(store, programmeId)).find((x) => x.type === 'StaffEnrolled')!
      .data as Enrolled;
    await budget.answer({
      type: 'FundsCommitted',
      data: {
        budgetId: 'b',
        allocationId: 'a',
        programmeId,
        opd: 'DINKES',
        amount: enrolled.costPerParticipant,
        commitmentId: `c-${enrolled.enrolmentId}`,
        enrolmentId: enrolled.enrolmentId,
        nip: LEARNER,
      },
    });
    await eventually(async () =>
      (await programmeEvents(store, programmeId)).some((x) => x.type === 'EnrolmentConfirmed') ? true : undefined,
    );
    await http()
      .post('/api/v1/learning-platforms')
      .set(as('admin'))
      .send({
        clientId,
        name: 'Moodle BKPSDM',
        actorHomePage: HOME,
        activities: [1, 2].map((m) => ({
          activityId: `${HOME}/mod/scorm/view.php?id=${m}`,
          programmeId,
          moduleId: `m${m}`,
        })),
      })
      .expect(201);
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
  });

  it('PUT stores one statement under its id (204), the same again is 204, other content under it 409', async () => {
    const s = statement('progressed', 1, { result: { duration: 'PT5M' } });
    const put = (body: object) =>
      http()
        .put('/api/v1/xapi/statements')
        .query({ statementId: s.id })
        .set(as('moodle'))
        .set('X-Experience-API-Version', '1.0.3')
        .send(body);
    await put(s).expect(204);
    await put(s).expect(204);
    await put({ ...s, result: { duration: 'PT9M' } }).expect(409);
  });

  it('accepts the library’s statements until completion, and credits the JP once (a resend adds nothing)', async () => {
    const client = xapi(tokens.moodle);
    const started = await client.sendStatement({ statement: statement('initialized', 1) });
    expect(started.data).toHaveLength(1);
    expect(started.headers['x-experience-api-version']).toBe('1.0.3');
    const batch = [
      statement('completed', 1, { result: { score: { scaled: 0.9 }, duration: 'PT30M' } }),
      statement('passed', 2, { result: { score: { scaled: 0.8, raw: 8, min: 0, max: 10 }, duration: 'PT20M' } }),
    ];
    const sent = await client.sendStatements({ statements: batch });
    expect(sent.data).toEqual(batch.map((s) => s.id));
    await client.sendStatements({ statements: batch }); // a forwarder's retry

    const ledger = await eventually(async () => {
      const rows = await enrolment
        .get(DataSource)
        .query<{ jp: number }[]>(
          `select jp_credited as jp from enrolment_history where nip = $1 and status = 'completed'`,
          [LEARNER],
        );
      return rows.length ? rows : undefined;
    });
    expect(ledger).toEqual([{ jp: 1 }]);
    const events = await programmeEvents(enrolment.get(EventStore), programmeId);
    expect(events.filter((e) => e.type === 'TrainingCompleted')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'LearningProgressRecorded').map((e) => e.metadata.actor)).toEqual(
      Array(4).fill(`learning-platform:${clientId}`),
    );
  });

  it('refuses a staff token (403), an unregistered client (401) and a request without the xAPI version (400)', async () => {
    const s = statement('completed', 1);
    expect(await statusOf(xapi(tokens.staff).sendStatement({ statement: s }))).toBe(403);
    expect(await statusOf(xapi(tokens.stranger).sendStatement({ statement: s }))).toBe(401);
    await http().post('/api/v1/xapi/statements').set(as('moodle')).send(s).expect(400);
    // Nor can staff record progress the old way any more.
    await http()
      .post(`/api/v1/programmes/${programmeId}/enrolments/${LEARNER}/statements`)
      .set(as('staff'))
      .send({ statementId: randomUUID(), verb: 'completed', moduleId: 'm1', deviceTimestamp: new Date().toISOString() })
      .expect(403);
  });
});
