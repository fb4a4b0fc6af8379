import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { BudgetEvent, ProgrammeEvent } from '@kompeten/contracts';
import { EventStore } from '@kompeten/event-store';
import type { ProblemDetails } from '@kompeten/platform';
import { eventually, httpOf } from '@kompeten/testing';
import { fakeBudget } from './fake-budget';
import { nip, programmeBody, staffBody, startEnrolmentApp } from './enrolment-app';
import { programmeEvents } from './programme-events';

type Enrolled = Extract<ProgrammeEvent, { type: 'StaffEnrolled' }>['data'];
interface Outcomes {
  statementIds: string[];
  outcomes: { statementId: string; outcome: string; events: string[] }[];
}

const HOME = 'https://elearning.bukittinggi.example';
const activity = (n: number) => `${HOME}/mod/scorm/view.php?id=${n}`;

// A learning platform registered by an admin posts xAPI statements (as the gateway forwards them, with
// the platform's identity); the enrolment service maps them to the self-paced programme's modules.
describe('learning platforms and their xAPI statements, on the enrolment service', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let store: EventStore;
  let budget: Awaited<ReturnType<typeof fakeBudget>>;
  const run = `lp-${Date.now().toString(36)}`;
  const programmeId = `${run}-el`;
  const clientId = `moodle-${run}`;
  const [A, B] = [nip(401), nip(402)];
  const admin = () => httpOf(app);
  const platform = (id = clientId) => httpOf(app, { actor: `learning-platform:${id}`, roles: ['learning-platform'] });
  const streamOf = async (streamId: string) => (await store.readStream(streamId)).map((e) => e.type);
  const statement = (over: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    actor: { account: { homePage: HOME, name: A } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
    object: { id: activity(1) },
    result: { score: { scaled: 0.8 }, duration: 'PT30M' },
    timestamp: new Date().toISOString(),
    ...over,
  });
  const send = (statements: unknown[], id = clientId) => platform(id).post('/xapi/statements').send({ statements });

  beforeAll(async () => {
    ({ app, stop } = await startEnrolmentApp());
    store = app.get(EventStore);
    budget = await fakeBudget();
    for (const n of [A, B]) await admin().post('/staff').send(staffBody(n)).expect(201);
    await admin()
      .post('/programmes')
      .send(
        programmeBody(programmeId, {
          form: 'mobile',
          jp: 1,
          sessions: [],
          completionRule: { modules: ['m1', 'm2'], minScore: 70 },
        }),
      )
      .expect(201);
    await admin().post(`/programmes/${programmeId}/enrolments`).send({ nip: A }).expect(201);
    const enrolled = (await programmeEvents(store, programmeId)).find((e) => e.type === 'StaffEnrolled')!
      .data as Enrolled;
    const committed: BudgetEvent = {
      type: 'FundsCommitted',
      data: {
        budgetId: 'b',
        allocationId: 'a',
        programmeId,
        opd: 'DINKES',
        amount: enrolled.costPerParticipant,
        commitmentId: `c-${enrolled.enrolmentId}`,
        enrolmentId: enrolled.enrolmentId,
        nip: A,
      },
    };
    await budget.answer(committed);
    await eventually(async () =>
      (await programmeEvents(store, programmeId)).map((e) => e.type).includes('EnrolmentConfirmed') ? true : undefined,
    );
  });
  afterAll(async () => {
    await budget.stop();
    await stop();
  });

  it('registers a platform whose activities name modules of a self-paced programme; the same again appends nothing', async () => {
    const body = {
      clientId,
      name: 'Moodle BKPSDM',
      actorHomePage: HOME,
      activities: [
        { activityId: activity(1), programmeId, moduleId: 'm1' },
        { activityId: activity(2), programmeId, moduleId: 'm2' },
      ],
    };
    const wrong = await admin()
      .post('/learning-platforms')
      .send({ ...body, activities: [{ activityId: activity(3), programmeId, moduleId: 'm9' }] })
      .expect(400);
    expect((wrong.body as ProblemDetails).errors?.[0].field).toBe('activities[0].moduleId');
    const first = await admin().post('/learning-platforms').send(body).expect(201);
    expect(first.body).toMatchObject({ events: ['LearningPlatformRegistered'], revision: 1 });
    const again = await admin().post('/learning-platforms').send(body).expect(200);
    expect(again.body).toMatchObject({ events: [], revision: 1 });
  });

  it('applies a statement once: a resend is a duplicate, the same id with other content is 409', async () => {
    const s = statement();
    const first = await send([s]).expect(200);
    expect((first.body as Outcomes).outcomes).toEqual([
      { statementId: s.id, outcome: 'recorded', events: ['LearningProgressRecorded', 'XapiStatementAccepted'] },
    ]);
    const resent = await send([s]).expect(200);
    expect((resent.body as Outcomes).outcomes[0]).toMatchObject({ outcome: 'duplicate', events: [] });
    const changed = await send([{ ...s, result: { score: { scaled: 0.95 }, duration: 'PT30M' } }]).expect(409);
    expect((changed.body as ProblemDetails).type).toMatch(/xapi-statement-conflict$/);
    expect(await streamOf(`xapi-statement-${s.id}`)).toEqual(['XapiStatementAccepted']);
    const progress = (await programmeEvents(store, programmeId)).filter((e) => e.type === 'LearningProgressRecorded');
    expect(progress.map((e) => e.metadata.actor)).toEqual([`learning-platform:${clientId}`]);
  });

  it('refuses a learner not enrolled (404) and an activity not mapped (404), appending nothing', async () => {
    const before = await programmeEvents(store, programmeId);
    const notEnrolled = statement({ actor: { account: { homePage: HOME, name: B } } });
    const res = await send([notEnrolled]).expect(404);
    expect((res.body as ProblemDetails).type).toMatch(/enrolment-not-found$/);
    const unmapped = statement({ object: { id: `${HOME}/mod/forum/view.php?id=7` } });
    expect(((await send([unmapped]).expect(404)).body as ProblemDetails).type).toMatch(/activity-not-mapped$/);
    expect(await programmeEvents(store, programmeId)).toHaveLength(before.length);
    expect(await streamOf(`xapi-statement-${notEnrolled.id}`)).toEqual([]);
  });

  it('checks a whole batch before applying any of it: one bad statement, nothing appended', async () => {
    const before = (await programmeEvents(store, programmeId)).length;
    const good = statement({ object: { id: activity(2) } });
    const res = await send([good, statement({ timestamp: 'yesterday' })]).expect(400);
    expect((res.body as ProblemDetails).errors?.[0].field).toBe('statements[1].timestamp');
    expect(await programmeEvents(store, programmeId)).toHaveLength(before);
  });

  it('ignores verbs that do not move a programme; completes the training on the last module, JP credited once', async () => {
    const launched = statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/launched' } });
    const passed = statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/passed' }, object: { id: activity(2) } });
    const res = await send([launched, passed]).expect(200);
    expect((res.body as Outcomes).outcomes.map((o) => [o.outcome, o.events])).toEqual([
      ['ignored', []],
      ['recorded', ['LearningProgressRecorded', 'TrainingCompleted', 'XapiStatementAccepted']],
    ]);
    await send([passed]).expect(200);
    expect(
      (await programmeEvents(store, programmeId)).map((e) => e.type).filter((t) => t === 'TrainingCompleted'),
    ).toHaveLength(1);
    const credited = await eventually(async () => {
      const [row] = await app
        .get(DataSource)
        .query<{ jp: number }[]>(
          `select jp_credited as jp from enrolment_history where nip = $1 and programme_id = $2 and status = 'completed'`,
          [A, programmeId],
        );
      return row;
    });
    expect(credited.jp).toBe(1);

    // After the completion the platform still forwards what it logs (`completed` after `passed`): accepted
    // and kept (a changed resend is still a 409), the programme not moved — a whole batch is not refused for it.
    const before = (await programmeEvents(store, programmeId)).map((e) => e.type);
    const late = statement({ object: { id: activity(1) } });
    const after = await send([late]).expect(200);
    expect((after.body as Outcomes).outcomes.map((o) => [o.outcome, o.events])).toEqual([
      ['after-completion', ['XapiStatementAccepted']],
    ]);
    expect((await programmeEvents(store, programmeId)).map((e) => e.type)).toEqual(before);
    await send([{ ...late, result: { score: { scaled: 0.1 } } }]).expect(409);
  });

  it('answers 401 to a platform not registered, and to one retired; the registry lists it retired', async () => {
    expect((await send([statement()], 'someone-else').expect(401)).body).toMatchObject({ status: 401 });
    await admin().post(`/learning-platforms/${clientId}/retirement`).expect(201);
    await admin().post(`/learning-platforms/${clientId}/retirement`).expect(200);
    await send([statement()]).expect(401);
    const listed = await eventually(async () => {
      const res = await admin().get('/learning-platforms').expect(200);
      return (res.body as { items: { clientId: string; status: string }[] }).items.find(
        (p) => p.clientId === clientId && p.status === 'retired',
      );
    });
    expect(listed).toMatchObject({ revision: 1 });
  });
});
