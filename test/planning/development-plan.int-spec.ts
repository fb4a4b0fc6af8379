import { randomBytes, randomInt } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CommandAcceptedBody } from '@kompeten/api';
import {
  eventTopic,
  type EventProducingService,
  type FundingNeed,
  type PlanLine,
  type ProgrammeEvent,
  type TrainingPlanEvent,
} from '@kompeten/contracts';
import { EventStore, eventStoreMigrations, type EventMetadata, type NewEvent } from '@kompeten/event-store';
import { encodeRecord } from '@kompeten/messaging';
import { Clock, type ProblemDetails } from '@kompeten/platform';
import { createTestDatabase, eventually, httpOf, migratedDataSource, testKafka } from '@kompeten/testing';
import type { DevelopmentPlanView } from '../../services/enrolment/src/development-plan/read-development-plan';
import { programmeBody, staffBody, startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';
import { details } from '../../services/enrolment/test/programme.mother';
import { programmeEvents } from '../../services/enrolment/test/programme-events';

// Individual development plans and the need an enrolment carries, on the real enrolment service with
// the real Postgres and Kafka: the assessment and feedback services are stood in for by their events on
// their real topics. The expected needs are worked by hand (docs/planning/development-plans.md). Names
// are unique per run: the broker keeps earlier runs' events, and a new database reads them all again.

const meta: EventMetadata = { actor: 'user:test', correlationId: 'development-plan', causationId: null };
const RUN = randomBytes(3).toString('hex').toUpperCase();
const OPD = `DP-${RUN}`;
const PKM = `PKM-${RUN}`;
const TODAY_NOON_WIB = '2026-03-10T05:00:00Z';
/** A valid NIP no earlier run used (born 1970–1989, appointed 2010, random sequence). */
const freshNip = () =>
  `${randomInt(1970, 1990)}0${randomInt(1, 10)}1${randomInt(0, 10)}2010011${String(randomInt(1, 1000)).padStart(3, '0')}`;
const [A, B, C] = Array.from({ length: 3 }, freshNip);

/** Stands in for another service: its events, in its wire format, on its real topic; the ids sent. */
async function fakeService(service: EventProducingService) {
  const db = await createTestDatabase(`fake_${service}`);
  const ds = await migratedDataSource(db, eventStoreMigrations);
  const store = new EventStore(ds);
  const producer = testKafka(`fake-${service}`).producer();
  await producer.connect();
  return {
    async publish(streamId: string, events: NewEvent[]): Promise<string[]> {
      const stored = await store.append(`${streamId}-${randomBytes(3).toString('hex')}`, 'no-stream', events, meta);
      const records = await store.readRecords(stored[0].position - 1, stored.length);
      await producer.send({ topic: eventTopic(service), messages: records.map(encodeRecord) });
      return stored.map((e) => e.eventId);
    },
    async stop() {
      await producer.disconnect();
      await ds.destroy();
      await db.drop();
    },
  };
}

/** A's komunikasi assessed at level 2 against the 4 a Perawat needs: a gap of 2. */
const gapOfA: NewEvent[] = [
  {
    type: 'AssessmentRecorded',
    data: {
      ...{ assessmentId: `a-${A}`, nip: A, kind: 'periodic', competencyCode: 'komunikasi', enrolmentId: null },
      ...{ programmeId: null, assessor: 'user:assessor', method: 'observation', score: 2, level: 2 },
      ...{ assessedOn: '2026-01-20', dueOn: '2026-01-20', late: false, learningGain: null },
    },
  },
  {
    type: 'CompetencyGapIdentified',
    data: {
      ...{ nip: A, competencyCode: 'komunikasi', position: 'Perawat', requiredLevel: 4, assessedLevel: 2, gap: 2 },
      assessmentId: `a-${A}`,
    },
  },
];
const unit = (unitCode: string, grade: string, ikm: number): NewEvent[] => [
  {
    type: 'ServiceUnitRegistered',
    data: {
      ...{ unitCode, name: unitCode, opd: OPD, kind: 'puskesmas', services: [], annualServiceUsers: 500 },
      registeredOn: '2025-01-02',
    },
  },
  {
    type: 'SurveyPeriodClosed',
    data: {
      ...{ unitCode, period: '2025-Q4', responses: 120, ikm, grade, sampleTarget: 100, sampleAdequate: true },
      nrr: { u1: 3, u2: 3, u3: 3, u4: 3, u5: 3, u6: 3, u7: 3, u8: 3, u9: 3 },
      closedOn: '2026-01-06',
    },
  },
];

/** The OPD's approved plan for 2026: two komunikasi lines, the second (less needed) naming A. */
const line = (lineId: string, priority: number, people: string[]): PlanLine => ({
  ...{ lineId, competencyArea: 'komunikasi', source: 'competency-gap', priority, quarter: null, form: 'klasikal' },
  ...{ headCount: 10, people, jpPerPerson: 16, costPerJp: 150_000, estimatedRupiah: 24_000_000, rationale: '' },
});
const REF = { planId: `2026-${OPD}`, opd: OPD, year: 2026, revision: 1 };
const TOTALS = { lines: 2, people: 20, jp: 320, rupiah: 48_000_000 };
const approvedPlan: NewEvent<TrainingPlanEvent>[] = [
  { type: 'TrainingPlanDrafted', data: { ...REF, lines: [line('L1', 2, []), line('L2', 4, [A])], proposedAsOf: null } },
  { type: 'TrainingPlanSubmitted', data: { ...REF, submittedOn: '2026-01-10', totals: TOTALS } },
  { type: 'TrainingPlanApproved', data: { ...REF, approvedOn: '2026-01-12', totals: TOTALS } },
];

describe('development plans, and the need an enrolment carries (enrolment service)', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let store: EventStore;
  let assessment: Awaited<ReturnType<typeof fakeService>>;
  let feedback: Awaited<ReturnType<typeof fakeService>>;
  const http = () => httpOf(app);
  const processedBy = async (consumer: string, ids: string[]) => {
    const [{ n }] = await app
      .get(DataSource)
      .query<{ n: number }[]>(
        `select count(*)::int as n from msg_processed where consumer = $1 and event_id = any($2::uuid[])`,
        [consumer, ids],
      );
    return n === ids.length ? true : undefined;
  };
  const projectionsCaughtUp = async () => {
    const head = (await store.head()).position;
    await eventually(async () => {
      const list = (await http().get('/admin/projections').expect(200)).body as { position: number }[];
      return list.every((p) => p.position === head) ? true : undefined;
    });
  };

  beforeAll(async () => {
    ({ app, stop } = await startEnrolmentApp());
    store = app.get(EventStore);
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(TODAY_NOON_WIB));
    [assessment, feedback] = await Promise.all([fakeService('assessment'), fakeService('feedback')]);

    // A (PNS, Perawat) at the puskesmas; B (PPPK) and C (PNS) at the OPD itself.
    await http()
      .post('/staff')
      .send(staffBody(A, { workUnit: { opd: OPD, serviceUnit: PKM } }))
      .expect(201);
    await http()
      .post('/staff')
      .send(staffBody(B, { workUnit: { opd: OPD }, employmentType: 'PPPK' }))
      .expect(201);
    await http()
      .post('/staff')
      .send(staffBody(C, { workUnit: { opd: OPD } }))
      .expect(201);

    // A completed 8 JP this year (appended as the programme decider would): 12 short of 20.
    const done = `done-${RUN}`;
    const training = { programmeId: done, nip: A, enrolmentId: `${done}-${A}`, jp: 8, year: 2026 };
    const charged = { workUnit: { opd: OPD, serviceUnit: PKM }, fundingOpd: OPD, costPerParticipant: 1_000_000 };
    const area = { competencyType: 'teknis', competencyArea: 'patient-management' } as const;
    await store.append(
      `programme-${done}`,
      'no-stream',
      [
        { type: 'ProgrammePublished', data: { programmeId: done, ...details({ jp: 8, fundingOpd: OPD }) } },
        {
          type: 'StaffEnrolled',
          data: { ...training, ...charged, ...area, attempt: 1, enrolledOn: '2026-01-10', need: null },
        },
        { type: 'EnrolmentConfirmed', data: { ...training, commitmentId: `c-${RUN}` } },
        {
          type: 'TrainingCompleted',
          data: { ...training, ...charged, ...area, completedOn: '2026-02-03', attendanceOverride: null },
        },
      ] satisfies NewEvent<ProgrammeEvent>[],
      meta,
    );
    await store.append(`training-plan-2026-${OPD}`, 'no-stream', approvedPlan, meta);

    const gapIds = await assessment.publish(`assessment-record-${A}`, gapOfA);
    const unitIds = await feedback.publish(`service-unit-${PKM}`, unit(PKM, 'C', 72.5));
    await eventually(() => processedBy('enrolment.staff-competency-gap', gapIds), 30000, 200);
    await eventually(() => processedBy('enrolment.planning-inputs', unitIds), 30000, 200);
    await projectionsCaughtUp();
  });

  afterAll(async () => {
    await Promise.all([assessment?.stop(), feedback?.stop()]);
    await stop?.();
  });

  describe('the need at enrolment', () => {
    const programmeId = `kom-${RUN.toLowerCase()}`;
    const needs = async () =>
      (await programmeEvents(store, programmeId)).flatMap((e) =>
        e.type === 'StaffEnrolled' || e.type === 'EnrolmentWaitlisted'
          ? [[e.type, (e.data as { nip: string }).nip, (e.data as { need: FundingNeed | null }).need] as const]
          : [],
      );
    // A: the line naming A (L2, though L1 is more needed), 20 − 8 = 12 JP short, gap 4 − 2 = 2, the puskesmas' C.
    const needOfA: FundingNeed = {
      planLine: { lineId: 'L2', priority: 4, revision: 1 },
      jpShortfall: 12,
      gap: 2,
      ikmGrade: 'C',
      asOf: '2026-03-10',
    };
    // B: PPPK (no shortfall), no gap, not named (L1, the most needed komunikasi line), no unit: the OPD's worst, C.
    const needOfB: FundingNeed = {
      planLine: { lineId: 'L1', priority: 2, revision: 1 },
      jpShortfall: 0,
      gap: 0,
      ikmGrade: 'C',
      asOf: '2026-03-10',
    };

    it('StaffEnrolled carries the need read that day; a capacity waitlisting keeps it for the seat that comes', async () => {
      await http()
        .post('/programmes')
        .send(
          programmeBody(programmeId, {
            competencyArea: 'komunikasi',
            competencyType: 'manajerial',
            fundingOpd: OPD,
            fiscalYear: 2026,
            capacity: 1,
          }),
        )
        .expect(201);
      await http().post(`/programmes/${programmeId}/enrolments`).send({ nip: A }).expect(201);
      await http().post(`/programmes/${programmeId}/enrolments`).send({ nip: B }).expect(201);
      expect(await needs()).toEqual([
        ['StaffEnrolled', A, needOfA],
        ['EnrolmentWaitlisted', B, needOfB],
      ]);
      // A withdraws: B takes the seat, and the budget is asked with the need read when B enrolled.
      await http()
        .post(`/programmes/${programmeId}/enrolments/${A}/withdrawal`)
        .send({ reason: 'workload' })
        .expect(201);
      expect((await needs())[2]).toEqual(['StaffEnrolled', B, needOfB]);
    });
  });

  describe('a development plan', () => {
    const plan = (over: Record<string, unknown> = {}) => ({
      year: 2026,
      targets: [
        { competencyCode: 'komunikasi', targetLevel: 3 },
        { competencyCode: 'integritas', targetLevel: 2 },
      ],
      targetJp: 20,
      ...over,
    });
    const agree = (revision: number, opd = OPD) =>
      http()
        .post(`/units/${opd}/development-plan-agreements`)
        .set('x-actor', 'user:head')
        .send({ nip: A, year: 2026, revision });

    it('refuses an unknown competency or a level beyond 5 with a 400 naming the target, appending nothing', async () => {
      const before = await store.head();
      const unknown = await http()
        .post(`/staff/${A}/development-plans`)
        .send(
          plan({
            targets: [
              { competencyCode: 'komunikasi', targetLevel: 3 },
              { competencyCode: 'juggling', targetLevel: 2 },
            ],
          }),
        )
        .expect(400);
      expect((unknown.body as ProblemDetails).errors).toEqual([
        { field: 'targets[1].competencyCode', message: expect.stringContaining('juggling') as unknown },
      ]);
      const tooHigh = await http()
        .post(`/staff/${A}/development-plans`)
        .send(plan({ targets: [{ competencyCode: 'komunikasi', targetLevel: 6 }] }))
        .expect(400);
      expect((tooHigh.body as ProblemDetails).errors?.[0].field).toBe('targets[0].targetLevel');
      expect(await store.head()).toEqual(before);
    });

    it('is proposed as revision 1; the same proposal again appends nothing', async () => {
      const first = await http()
        .post(`/staff/${A}/development-plans`)
        .set('x-actor', `user:${A}`)
        .send(plan())
        .expect(201);
      expect(first.body).toEqual({
        streamId: `development-plan-2026-${A}`,
        version: 1,
        events: ['DevelopmentPlanProposed'],
        revision: 1,
      });
      const again = await http().post(`/staff/${A}/development-plans`).send(plan()).expect(200);
      expect(again.body).toMatchObject({ events: [], revision: 1 });
    });

    it('the head of another OPD is refused (403 staff-of-another-unit); a revision never proposed is stale (409)', async () => {
      const other = await agree(1, 'ELSEWHERE').expect(403);
      expect(other.body).toMatchObject({
        status: 403,
        type: expect.stringMatching(/staff-of-another-unit$/) as unknown,
      });
      const stale = await agree(2).expect(409);
      expect(stale.body).toMatchObject({ currentRevision: 1, currentState: 'proposed' });
    });

    it('is agreed by the head of the staff member’s OPD, once; a newer proposal makes the old revision stale', async () => {
      expect((await agree(1).expect(201)).body).toMatchObject({ events: ['DevelopmentPlanAgreed'], revision: 1 });
      expect((await agree(1).expect(200)).body).toMatchObject({ events: [] });
      await http()
        .post(`/staff/${A}/development-plans`)
        .set('x-actor', 'user:officer')
        .send(plan({ targetJp: 24, note: 'Persiapan kepala ruang' }))
        .expect(201);
      expect((await agree(1).expect(409)).body).toMatchObject({ currentRevision: 2 });
      // The note is the staff member's own words: sealed in the log, never there in clear.
      const rows = await app
        .get(DataSource)
        .query<{ data: string }[]>(
          `select payload::text as data from es_event where stream_id = $1 and type = 'DevelopmentPlanProposed'`,
          [`development-plan-2026-${A}`],
        );
      expect(rows).toHaveLength(2);
      expect(rows.map((r) => r.data).join()).not.toContain('Persiapan kepala ruang');
    });

    it('shows the plan with its progress: JP credited against the target, each target’s latest level', async () => {
      const res = await http().get(`/staff/${A}/development-plans/2026`).expect(200);
      const body = res.body as DevelopmentPlanView & { nip: string; opd: string };
      expect(body).toMatchObject({
        nip: A,
        opd: OPD,
        year: 2026,
        status: 'proposed',
        revision: 2,
        targetJp: 24,
        note: 'Persiapan kepala ruang',
        agreedRevision: 1,
        agreedOn: '2026-03-10',
      });
      // 8 JP credited of 24: 16 to go. komunikasi assessed at 2 (target 3); integritas never assessed.
      expect(body.progress).toEqual({
        asOf: '2026-03-10',
        jpCredited: 8,
        jpRemaining: 16,
        targets: [
          { competencyCode: 'komunikasi', targetLevel: 3, assessedLevel: 2, assessedOn: '2026-01-20', reached: false },
          { competencyCode: 'integritas', targetLevel: 2, assessedLevel: null, assessedOn: null, reached: false },
        ],
      });
      expect(body.history.map((h) => [h.revision, h.event, h.actor])).toEqual([
        [1, 'proposed', `user:${A}`],
        [1, 'agreed', 'user:head'],
        [2, 'proposed', 'user:officer'],
      ]);
    });

    it('is on the staff record for the city’s current year; none is null', async () => {
      const record = (await http().get(`/staff/${A}`).expect(200)).body as { developmentPlan: DevelopmentPlanView };
      expect(record.developmentPlan).toMatchObject({ year: 2026, revision: 2, progress: { jpCredited: 8 } });
      expect((await http().get(`/staff/${C}`).expect(200)).body).toMatchObject({ developmentPlan: null });
      await http().get(`/staff/${C}/development-plans/2026`).expect(404);
    });
  });

  it('a plan for a later year may set JP alone, no competency', async () => {
    const res = await http()
      .post(`/staff/${C}/development-plans`)
      .send({ year: 2027, targets: [], targetJp: 20 })
      .expect(201);
    expect((res.body as CommandAcceptedBody).streamId).toBe(`development-plan-2027-${C}`);
  });
});
