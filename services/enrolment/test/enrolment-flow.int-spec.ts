import type { Server } from 'node:http';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import type { CommandAcceptedBody } from '@kompeten/api';
import { eventTopic } from '@kompeten/contracts';
import type { ProgrammeEvent } from '@kompeten/contracts';
import type { EventRecord } from '@kompeten/event-store';
import { eventually, tailTopic, topicEnd, testKafka } from '@kompeten/testing';
import type { ProgrammeView } from '../src/queries/get-programme/get-programme.handler';
import type { StaffRecordView } from '../src/queries/get-staff-record/get-staff-record.handler';
import type { UnitSummaryView } from '../src/queries/get-unit-summary/get-unit-summary.handler';
import type { StaffBelowJpTargetView } from '../src/queries/list-staff-below-jp-target/list-staff-below-jp-target.handler';
import { fakeBudget } from './fake-budget';
import { nip, programmeBody, staffBody, startEnrolmentApp } from './enrolment-app';

/** A StaffEnrolled record as the outbox puts it on the wire. */
type StaffEnrolledRecord = EventRecord & { payload: Extract<ProgrammeEvent, { type: 'StaffEnrolled' }>['data'] };

// Through the service's HTTP API, out through the outbox to Kafka, back in as the budget's answers,
// and into the read models that the queries serve.
describe('an enrolment from request to read model, through the real broker', () => {
  const kafka = testKafka('enrolment-flow');
  let app: INestApplication;
  let stop: () => Promise<void>;
  let budget: Awaited<ReturnType<typeof fakeBudget>>;
  // Nest types the HTTP server as `any`; the Express adapter's is a node:http Server.
  const http = () => request(app.getHttpServer() as Server);
  const run = `flow-${Date.now().toString(36)}`;
  const [A, B, C] = [nip(301), nip(302), nip(303)];

  beforeAll(async () => {
    ({ app, stop } = await startEnrolmentApp());
    budget = await fakeBudget();
  });
  afterAll(async () => {
    await budget.stop();
    await stop();
  });

  it('publishes every appended event to Kafka, keyed by stream, with its type in the headers', async () => {
    const from = await topicEnd(kafka, eventTopic('enrolment'));
    for (const n of [A, B, C]) await http().post('/staff').send(staffBody(n)).expect(201);
    await http()
      .post('/programmes')
      .send(programmeBody(run, { capacity: 5, jp: 12 }))
      .expect(201);
    for (const n of [A, B, C]) await http().post(`/programmes/${run}/enrolments`).send({ nip: n }).expect(201);

    const mine = (m: { key: string | null }) =>
      m.key === `programme-${run}` || [A, B, C].some((n) => m.key === `staff-${n}`);
    const messages = (
      await tailTopic(kafka, eventTopic('enrolment'), from, (ms) => ms.filter(mine).length >= 7)
    ).filter(mine);
    expect(messages.map((m) => m.headers.type).sort()).toEqual([
      'ProgrammePublished',
      'StaffEnrolled',
      'StaffEnrolled',
      'StaffEnrolled',
      'StaffRegistered',
      'StaffRegistered',
      'StaffRegistered',
    ]);
    const enrolled = messages
      .filter((m) => m.headers.type === 'StaffEnrolled')
      .map((m) => JSON.parse(m.value!) as StaffEnrolledRecord);
    expect(enrolled.map((r) => r.payload.nip).sort()).toEqual([A, B, C].sort());
    expect(enrolled.every((r) => r.streamId === `programme-${run}` && r.payload.costPerParticipant === 1500000)).toBe(
      true,
    );
    // Names are personal: sealed on the wire.
    expect(messages.map((m) => m.value).join()).not.toContain('Siti Rahmah');
  });

  it('confirms on FundsCommitted and waitlists on CommitmentRejected (the budget saga, enrolment side)', async () => {
    const enrolmentId = async (n: string) => {
      const p = await eventually(async () => {
        const r = (await http().get(`/programmes/${run}`)).body as ProgrammeView;
        return r.enrolments?.length === 3 ? r : undefined;
      });
      return p.enrolments.find((e) => e.nip === n)!.enrolmentId;
    };
    const base = { budgetId: 'b', allocationId: 'a', programmeId: run, opd: 'DINKES', amount: 1500000 };
    await budget.answer({
      type: 'FundsCommitted',
      data: { ...base, commitmentId: 'c-a', enrolmentId: await enrolmentId(A), nip: A },
    });
    await budget.answer({
      type: 'FundsCommitted',
      data: { ...base, commitmentId: 'c-c', enrolmentId: await enrolmentId(C), nip: C },
    });
    await budget.answer({
      type: 'CommitmentRejected',
      data: {
        ...base,
        budgetId: null,
        enrolmentId: await enrolmentId(B),
        nip: B,
        reason: 'allocation-exhausted',
        detail: 'DINKES 2026 APBD: 0 left',
      },
    });
    // A redelivered answer changes nothing.
    await budget.answer({
      type: 'FundsCommitted',
      data: { ...base, commitmentId: 'c-a', enrolmentId: await enrolmentId(A), nip: A },
    });

    const programme = await eventually(async () => {
      const r = (await http().get(`/programmes/${run}`)).body as ProgrammeView;
      return r.waitlist?.length === 1 && r.enrolments.filter((e) => e.status === 'confirmed').length === 2
        ? r
        : undefined;
    });
    expect(programme.waitlist).toEqual([expect.objectContaining({ nip: B, status: 'waitlisted-funds' })]);
    expect(programme.seatsTaken).toBe(2);
  });

  it('credits JP on completion and keeps the ledger, withdrawal reasons and unit summary', async () => {
    await http()
      .post(`/programmes/${run}/enrolments/${A}/attendance`)
      .send({ sessionId: 's1', attended: true })
      .expect(201);
    await http().post(`/programmes/${run}/enrolments/${A}/completion`).send({ completedOn: '2026-02-03' }).expect(201);
    await http().post(`/programmes/${run}/enrolments/${C}/withdrawal`).send({ reason: 'workload' }).expect(201);

    const profile = await eventually(async () => {
      const r = (await http().get(`/staff/${A}`)).body as StaffRecordView;
      return r.jpLedger?.length ? r : undefined;
    });
    expect(profile).toMatchObject({
      nip: A,
      name: 'Siti Rahmah',
      employmentType: 'PNS',
      jpLedger: [{ year: 2026, jpCompleted: 12, target: 20, belowTarget: true }],
    });
    expect(profile.training).toEqual([
      expect.objectContaining({
        programmeId: run,
        status: 'completed',
        jpCredited: 12,
        completedOn: '2026-02-03',
        attendance: { s1: 'attended' },
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

  it('applies a self-paced statement resent from a flaky phone once, and completes on the rule', async () => {
    const id = `${run}-el`;
    await http()
      .post('/programmes')
      .send(
        programmeBody(id, { form: 'mobile', sessions: [], completionRule: { modules: ['m1', 'm2'], minScore: 70 } }),
      )
      .expect(201);
    await http().post(`/programmes/${id}/enrolments`).send({ nip: B }).expect(201);
    const enrolmentId = (
      await eventually(async () => ((await http().get(`/programmes/${id}`)).body as ProgrammeView).enrolments?.[0])
    ).enrolmentId;
    await budget.answer({
      type: 'FundsCommitted',
      data: {
        budgetId: 'b',
        allocationId: 'a',
        programmeId: id,
        opd: 'DINKES',
        amount: 1,
        commitmentId: 'c-el',
        enrolmentId,
        nip: B,
      },
    });
    await eventually(async () =>
      ((await http().get(`/programmes/${id}`)).body as ProgrammeView).enrolments?.[0]?.status === 'confirmed'
        ? true
        : undefined,
    );

    const statement = {
      statementId: '0193a3c4-0000-7000-8000-000000000001',
      verb: 'completed',
      moduleId: 'm1',
      score: 80,
      deviceTimestamp: '2026-03-01T10:00:00.000Z',
    };
    const first = await http().post(`/programmes/${id}/enrolments/${B}/statements`).send(statement).expect(201);
    const resent = await http().post(`/programmes/${id}/enrolments/${B}/statements`).send(statement).expect(201);
    expect((first.body as CommandAcceptedBody).events).toEqual(['LearningProgressRecorded']);
    expect((resent.body as CommandAcceptedBody).events).toEqual([]);
    const last = await http()
      .post(`/programmes/${id}/enrolments/${B}/statements`)
      .send({
        ...statement,
        statementId: '0193a3c4-0000-7000-8000-000000000002',
        moduleId: 'm2',
        score: 75,
        deviceTimestamp: '2026-03-02T09:00:00.000Z',
      })
      .expect(201);
    expect((last.body as CommandAcceptedBody).events).toEqual(['LearningProgressRecorded', 'TrainingCompleted']);
  });
});
