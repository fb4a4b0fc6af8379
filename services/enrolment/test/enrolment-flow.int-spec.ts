import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CommandAcceptedBody } from '@kompeten/api';
import { eventTopic } from '@kompeten/contracts';
import type { BudgetEvent, ProgrammeEvent } from '@kompeten/contracts';
import { CityCalendar } from '@kompeten/domain';
import { EventStore, type EventRecord } from '@kompeten/event-store';
import type { ProblemDetails } from '@kompeten/platform';
import { eventually, tailTopic, topicEnd, testKafka, httpOf } from '@kompeten/testing';
import type { ProgrammeView } from '../src/queries/get-programme/get-programme.handler';
import type { StaffRecordView } from '../src/queries/get-staff-record/get-staff-record.handler';
import type { UnitSummaryView } from '../src/queries/get-unit-summary/get-unit-summary.handler';
import type { StaffBelowJpTargetView } from '../src/queries/list-staff-below-jp-target/list-staff-below-jp-target.handler';
import { fakeBudget } from './fake-budget';
import { nip, programmeBody, staffBody, startEnrolmentApp } from './enrolment-app';
import { programmeEvents } from './programme-events';

type Enrolled = Extract<ProgrammeEvent, { type: 'StaffEnrolled' }>['data'];
/** A StaffEnrolled record as the outbox puts it on the wire. */
type StaffEnrolledRecord = EventRecord & { payload: Enrolled };

// Through the service's HTTP API, out through the outbox to Kafka, back in as the budget's answers,
// and into the read models that the queries serve. The programmes began in February 2026 and take
// late enrolment (the tests run on today's clock); completion is dated on or before today.
describe('an enrolment from request to read model, through the real broker', () => {
  const kafka = testKafka('enrolment-flow');
  const calendar = new CityCalendar();
  let app: INestApplication;
  let stop: () => Promise<void>;
  let store: EventStore;
  let budget: Awaited<ReturnType<typeof fakeBudget>>;
  // Nest types the HTTP server as `any`; the Express adapter's is a node:http Server.
  const http = () => httpOf(app);
  const run = `flow-${Date.now().toString(36)}`;
  const [A, B, C] = [nip(301), nip(302), nip(303)];

  /** The programme's stream as the service decided it (no read model in between). */
  const streamOf = async (programmeId: string) =>
    (await programmeEvents(store, programmeId)).map(({ type, data }) => ({ type, data }) as ProgrammeEvent);
  /** Waits until `nip`'s latest event in the programme is of `type` (with the fields in `where`), and answers its data. */
  const latest = (programmeId: string, n: string, type: ProgrammeEvent['type'], where: object = {}) =>
    eventually(async () => {
      const mine = (await streamOf(programmeId)).filter((e) => (e.data as { nip?: string }).nip === n);
      const last = mine[mine.length - 1];
      const data = last?.data as Record<string, unknown> | undefined;
      const matches = Object.entries(where).every(([k, v]) => data?.[k] === v);
      return last?.type === type && matches ? data : undefined;
    });
  /** Waits until the enrolment service's consumer has applied the budget's event (it records the id in that transaction). */
  const applied = (eventId: string) =>
    eventually(async () => {
      const rows = await app
        .get(DataSource)
        .query<unknown[]>('select 1 from msg_processed where event_id = $1', [eventId]);
      return rows.length ? true : undefined;
    });
  const enrolmentOf = async (programmeId: string, n: string) =>
    (await streamOf(programmeId)).filter((e) => e.type === 'StaffEnrolled' && e.data.nip === n).pop()!.data as Enrolled;
  const committed = (e: Enrolled): BudgetEvent => ({
    type: 'FundsCommitted',
    data: {
      budgetId: 'b',
      allocationId: 'a',
      programmeId: e.programmeId,
      opd: 'DINKES',
      amount: e.costPerParticipant,
      commitmentId: `c-${e.enrolmentId}-${e.attempt}`,
      enrolmentId: e.enrolmentId,
      nip: e.nip,
    },
  });
  const rejected = (e: Enrolled): BudgetEvent => ({
    type: 'CommitmentRejected',
    data: {
      budgetId: `budget-${e.year}-DINKES-APBD`,
      enrolmentId: e.enrolmentId,
      attempt: e.attempt,
      programmeId: e.programmeId,
      nip: e.nip,
      opd: 'DINKES',
      competencyArea: e.competencyArea,
      amount: e.costPerParticipant,
      reason: 'allocation-exhausted',
      detail: `DINKES ${e.year} APBD: 0 left`,
    },
  });

  beforeAll(async () => {
    ({ app, stop } = await startEnrolmentApp());
    store = app.get(EventStore);
    budget = await fakeBudget();
    for (const n of [A, B, C]) await http().post('/staff').send(staffBody(n)).expect(201);
  });
  afterAll(async () => {
    await budget.stop();
    await stop();
  });

  it('publishes every appended event to Kafka, keyed by stream, with its type in the headers', async () => {
    const from = await topicEnd(kafka, eventTopic('enrolment'));
    await http()
      .post('/programmes')
      .send(programmeBody(run, { capacity: 5, jp: 12, lateEnrolment: true }))
      .expect(201);
    for (const n of [A, B, C]) await http().post(`/programmes/${run}/enrolments`).send({ nip: n }).expect(201);

    const mine = (m: { key: string | null }) => m.key === `programme-${run}`;
    const messages = (
      await tailTopic(kafka, eventTopic('enrolment'), from, (ms) => ms.filter(mine).length >= 4)
    ).filter(mine);
    expect(messages.map((m) => m.headers.type).sort()).toEqual([
      'ProgrammePublished',
      'StaffEnrolled',
      'StaffEnrolled',
      'StaffEnrolled',
    ]);
    const enrolled = messages
      .filter((m) => m.headers.type === 'StaffEnrolled')
      .map((m) => JSON.parse(m.value!) as StaffEnrolledRecord);
    expect(enrolled.map((r) => r.payload.nip).sort()).toEqual([A, B, C].sort());
    // Charged to the year of the programme's first session (2026-02-02), whatever today is; the first request.
    // Each participant's events in their own stream, published under the programme's key (one partition, in order).
    expect(enrolled.map((r) => [r.streamId, r.payload.costPerParticipant, r.payload.year, r.payload.attempt])).toEqual(
      enrolled.map((r) => [`programme-${run}/${r.payload.nip}`, 1500000, 2026, 1]),
    );
  });

  it('confirms on FundsCommitted and waitlists on CommitmentRejected (the budget saga, enrolment side)', async () => {
    await budget.answer(committed(await enrolmentOf(run, A)));
    await budget.answer(committed(await enrolmentOf(run, C)));
    await budget.answer(rejected(await enrolmentOf(run, B)));
    // A redelivered answer changes nothing.
    await budget.answer(committed(await enrolmentOf(run, A)));

    const programme = await eventually(async () => {
      const r = (await http().get(`/programmes/${run}`)).body as ProgrammeView;
      return r.waitlist?.length === 1 && r.enrolments.filter((e) => e.status === 'confirmed').length === 2
        ? r
        : undefined;
    });
    expect(programme.waitlist).toEqual([expect.objectContaining({ nip: B, status: 'waitlisted-funds' })]);
    expect(programme.seatsTaken).toBe(2);
    expect((await streamOf(run)).filter((e) => e.type === 'EnrolmentConfirmed')).toHaveLength(2);
  });

  it('checks a completion: not after today, attendance at the threshold or an officer’s coded reason', async () => {
    const complete = (n: string, body: object) =>
      http().post(`/programmes/${run}/enrolments/${n}/completion`).send(body);
    const tomorrow = calendar.dateOf(new Date(Date.now() + 86_400_000));
    const future = await complete(A, { completedOn: tomorrow }).expect(400);
    expect((future.body as ProblemDetails).errors?.[0].field).toBe('completedOn');
    const early = await complete(A, { completedOn: '2026-02-01' }).expect(400);
    expect((early.body as ProblemDetails).errors?.[0].field).toBe('completedOn');

    await http()
      .post(`/programmes/${run}/enrolments/${C}/attendance`)
      .send({ sessionId: 's1', attended: true })
      .expect(201);
    const below = await complete(C, { completedOn: '2026-02-03' }).expect(422);
    expect(below.body).toMatchObject({ field: 'attendance', attended: 1, sessions: 2, threshold: 0.8 });
    const other = await complete(C, { completedOn: '2026-02-03', attendanceOverride: { reason: 'other' } }).expect(400);
    expect((other.body as ProblemDetails).errors?.[0].field).toBe('attendanceOverride.note');
    const override = { reason: 'official-duty', note: 'Tugas siaga bencana' };
    await complete(C, { completedOn: '2026-02-03', attendanceOverride: override }).expect(201);
    expect(await latest(run, C, 'TrainingCompleted')).toMatchObject({ attendanceOverride: override, year: 2026 });
  });

  it('credits JP on completion and keeps the ledger, withdrawal reasons and unit summary', async () => {
    for (const sessionId of ['s1', 's2'])
      await http()
        .post(`/programmes/${run}/enrolments/${A}/attendance`)
        .send({ sessionId, attended: true })
        .expect(201);
    await http().post(`/programmes/${run}/enrolments/${A}/completion`).send({ completedOn: '2026-02-03' }).expect(201);
    await http().post(`/programmes/${run}/enrolments/${B}/withdrawal`).send({ reason: 'workload' }).expect(201);

    const profile = await eventually(async () => {
      const r = (await http().get(`/staff/${A}`)).body as StaffRecordView;
      return r.training?.some((t) => t.status === 'completed') ? r : undefined;
    });
    expect(profile).toMatchObject({ nip: A, name: 'Siti Rahmah', employmentType: 'PNS' });
    expect(profile.jpLedger).toEqual(
      expect.arrayContaining([expect.objectContaining({ year: 2026, jpCompleted: 12, target: 20, belowTarget: true })]),
    );
    expect(profile.training).toEqual([
      expect.objectContaining({
        programmeId: run,
        status: 'completed',
        jpCredited: 12,
        completedOn: '2026-02-03',
        attendance: { s1: 'attended', s2: 'attended' },
      }),
    ]);

    const below = (
      await http()
        .get('/jp-ledger/below-target')
        .query({ year: 2026, opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' })
        .expect(200)
    ).body as StaffBelowJpTargetView;
    expect(below.staff.find((s) => s.nip === A)).toMatchObject({ jpCompleted: 12, jpMissing: 8 });

    const summary = await eventually(async () => {
      const r = (await http().get('/units/DINKES/summary').query({ year: 2026 })).body as UnitSummaryView;
      return r.withdrawalsByReason?.workload ? r : undefined;
    });
    expect(summary.withdrawalsByReason.workload).toBeGreaterThanOrEqual(1);
    expect(summary.completions).toBeGreaterThanOrEqual(1);
  });

  it('hands a seat freed by a funds rejection to the longest-waiting; the money that comes later waits for a seat', async () => {
    const id = `${run}-seat`;
    await http()
      .post('/programmes')
      .send(programmeBody(id, { capacity: 1, lateEnrolment: true }))
      .expect(201);
    await http().post(`/programmes/${id}/enrolments`).send({ nip: A }).expect(201);
    await http().post(`/programmes/${id}/enrolments`).send({ nip: B }).expect(201);
    await budget.answer(rejected(await enrolmentOf(id, A)));
    // B waited for the seat: the rejection of A gives it to B in the same append.
    expect(await latest(id, B, 'StaffEnrolled')).toMatchObject({ attempt: 1, year: 2026 });
    // A newcomer waits behind nobody but does not take a seat that is not free.
    const c = await http().post(`/programmes/${id}/enrolments`).send({ nip: C }).expect(201);
    expect((c.body as CommandAcceptedBody).events).toEqual(['EnrolmentWaitlisted']);

    // The budget's queue commits A's money when it arrives: no seat, so A waits — ahead of C, who enrolled later.
    await budget.answer(committed(await enrolmentOf(id, A)));
    await latest(id, A, 'EnrolmentWaitlisted', { reason: 'capacity' });
    const again = await http().post(`/programmes/${id}/enrolments/${A}/funds-request`).expect(409);
    expect(again.body).toMatchObject({ currentState: 'waitlisted-capacity' });
    const withdrawn = await http().post(`/programmes/${id}/enrolments/${B}/withdrawal`).send({ reason: 'illness' });
    expect((withdrawn.body as CommandAcceptedBody).events).toEqual(['EnrolmentWithdrawn', 'StaffEnrolled']);
    expect(await latest(id, A, 'StaffEnrolled')).toMatchObject({
      attempt: 2,
      enrolledOn: expect.any(String) as unknown,
    });
  });

  it('lets an officer ask the budget again for an enrolment waitlisted for funds', async () => {
    const id = `${run}-again`;
    await http()
      .post('/programmes')
      .send(programmeBody(id, { capacity: 2, lateEnrolment: true }))
      .expect(201);
    await http().post(`/programmes/${id}/enrolments`).send({ nip: A }).expect(201);
    const first = await enrolmentOf(id, A);
    await budget.answer(rejected(first));
    await latest(id, A, 'EnrolmentWaitlisted');
    const res = await http().post(`/programmes/${id}/enrolments/${A}/funds-request`).expect(201);
    expect((res.body as CommandAcceptedBody).events).toEqual(['StaffEnrolled']);
    expect(await enrolmentOf(id, A)).toMatchObject({ enrolmentId: first.enrolmentId, attempt: 2 });
    // A late answer to the first request is stale: it changes nothing, the second is still pending.
    await applied(await budget.answer(rejected(first)));
    expect((await streamOf(id)).map((e) => e.type).pop()).toBe('StaffEnrolled');
    await budget.answer(committed(await enrolmentOf(id, A)));
    expect(await latest(id, A, 'EnrolmentConfirmed')).toBeDefined();
  });

  it('applies a self-paced statement resent from a flaky phone once, and completes on the rule and the time', async () => {
    const id = `${run}-el`;
    await http()
      .post('/programmes')
      .send(
        programmeBody(id, {
          form: 'mobile',
          jp: 1,
          sessions: [],
          completionRule: { modules: ['m1', 'm2'], minScore: 70 },
        }),
      )
      .expect(201);
    await http().post(`/programmes/${id}/enrolments`).send({ nip: B }).expect(201);
    await budget.answer(committed(await enrolmentOf(id, B)));
    await latest(id, B, 'EnrolmentConfirmed');

    const statements = `/programmes/${id}/enrolments/${B}/statements`;
    const statement = {
      statementId: '0193a3c4-0000-7000-8000-000000000001',
      verb: 'completed',
      moduleId: 'm1',
      score: 80,
      seconds: 1800,
      deviceTimestamp: new Date().toISOString(),
    };
    const first = await http().post(statements).send(statement).expect(201);
    const resent = await http().post(statements).send(statement).expect(201);
    expect((first.body as CommandAcceptedBody).events).toEqual(['LearningProgressRecorded']);
    expect((resent.body as CommandAcceptedBody).events).toEqual([]);

    const next = { ...statement, statementId: '0193a3c4-0000-7000-8000-000000000002', moduleId: 'm2' };
    const ahead = new Date(Date.now() + 3_600_000).toISOString();
    const future = await http()
      .post(statements)
      .send({ ...next, deviceTimestamp: ahead })
      .expect(400);
    expect((future.body as ProblemDetails).errors?.[0].field).toBe('deviceTimestamp');
    const noOffset = await http()
      .post(statements)
      .send({ ...next, deviceTimestamp: '2026-03-02T09:00:00' })
      .expect(400);
    expect((noOffset.body as ProblemDetails).errors?.[0].field).toBe('deviceTimestamp');

    // Both modules done, 60 minutes on task ≥ 1 JP (45 minutes): completed on the city date of this statement.
    const deviceTimestamp = new Date().toISOString();
    const last = await http()
      .post(statements)
      .send({ ...next, deviceTimestamp })
      .expect(201);
    expect((last.body as CommandAcceptedBody).events).toEqual(['LearningProgressRecorded', 'TrainingCompleted']);
    expect(await latest(id, B, 'TrainingCompleted')).toMatchObject({
      completedOn: calendar.dateOf(new Date(deviceTimestamp)),
    });
  });
});
