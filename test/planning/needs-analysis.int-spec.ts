import { randomBytes, randomInt } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NeedsAnalysisView } from '../../services/enrolment/src/planning/get-needs-analysis/get-needs-analysis.handler';
import { eventTopic, type EventProducingService, type SkmScores } from '@kompeten/contracts';
import { EventStore, eventStoreMigrations, type EventMetadata, type NewEvent } from '@kompeten/event-store';
import { encodeRecord } from '@kompeten/messaging';
import { Clock, type ProblemDetails } from '@kompeten/platform';
import { createTestDatabase, eventually, httpOf, migratedDataSource, testKafka } from '@kompeten/testing';
import { isKnownCompetency, unknownCompetencies } from '../../services/enrolment/src/planning/known-competency';
import { OpenApiConformance, type OpenApiDocument } from '../support/openapi-conformance';
import { staffBody, startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';
import { details } from '../../services/enrolment/test/programme.mother';

// GET /units/:opd/needs-analysis on the real enrolment service: its own read models (roster, JP
// credited, the catalogue's prices) and what the planning-inputs consumer keeps of the assessment and
// feedback services' events, sent on their real topics by stand-ins. The expected lines are worked by
// hand below (the rules: docs/planning/needs-analysis.md). Names are unique per run: the broker keeps
// every earlier run's events and a new database reads them all again.

const meta: EventMetadata = { actor: 'user:test', correlationId: 'needs-analysis', causationId: null };
const RUN = randomBytes(3).toString('hex').toUpperCase();
const OPD = `NA-${RUN}`;
const PKM = `PKM-${RUN}`;
const LOKET = `LOKET-${RUN}`;
const TODAY_NOON_WIB = '2026-03-10T05:00:00Z';
/** A valid NIP no earlier run used (born 1970–1989, appointed 2010, random sequence). */
const freshNip = () =>
  `${randomInt(1970, 1990)}0${randomInt(1, 10)}1${randomInt(0, 10)}2010011${String(randomInt(1, 1000)).padStart(3, '0')}`;
const [A, B, C, D, E, F] = Array.from({ length: 6 }, freshNip);

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

const scores = (over: Partial<SkmScores>): SkmScores => ({
  ...{ u1: 3.5, u2: 3.5, u3: 3.5, u4: 3.5, u5: 3.5, u6: 3.5, u7: 3.5, u8: 3.5, u9: 3.5 },
  ...over,
});
const closed = (unitCode: string, period: string, nrr: SkmScores, closedOn: string): NewEvent => ({
  type: 'SurveyPeriodClosed',
  data: {
    unitCode,
    period,
    responses: 120,
    nrr,
    ikm: 80,
    grade: 'B',
    sampleTarget: 100,
    sampleAdequate: true,
    closedOn,
  },
});
const registered = (unitCode: string, kind: string): NewEvent => ({
  type: 'ServiceUnitRegistered',
  data: { unitCode, name: unitCode, opd: OPD, kind, services: [], annualServiceUsers: 500, registeredOn: '2025-01-02' },
});
/** An assessment of `nip` in `code` at `level`, below the `required` level of `position`. */
const gap = (nip: string, code: string, position: string, required: number, level: number): NewEvent[] => {
  const assessmentId = `a-${nip}-${code}`;
  return [
    {
      type: 'AssessmentRecorded',
      data: {
        ...{ assessmentId, nip, kind: 'periodic', competencyCode: code, enrolmentId: null, programmeId: null },
        ...{ assessor: 'user:assessor', method: 'observation', score: level, level, assessedOn: '2026-01-20' },
        ...{ dueOn: '2026-01-20', late: false, learningGain: null },
      },
    },
    {
      type: 'CompetencyGapIdentified',
      data: {
        nip,
        competencyCode: code,
        position,
        requiredLevel: required,
        assessedLevel: level,
        gap: required - level,
        assessmentId,
      },
    },
  ];
};
const certified = (nip: string, code: string, certifiedOn: string, expiresOn: string): NewEvent => ({
  type: 'CompetencyCertified',
  data: {
    ...{ certificationId: `cert-${nip}-${code}-${certifiedOn}`, nip, competencyCode: code, level: 3 },
    ...{ requiredLevel: 3, assessmentId: `a-${nip}`, enrolmentId: null, programmeId: null, certifiedOn, expiresOn },
  },
});

describe('the needs analysis of an OPD (GET /units/:opd/needs-analysis)', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
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

  beforeAll(async () => {
    ({ app, stop } = await startEnrolmentApp());
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(TODAY_NOON_WIB));
    [assessment, feedback] = await Promise.all([fakeService('assessment'), fakeService('feedback')]);

    // A, B (PPPK) serve at the puskesmas; C, D, E at the OPD itself; E leaves; F works elsewhere.
    const puskesmas = { opd: OPD, serviceUnit: PKM };
    for (const [nip, over] of [
      [A, { workUnit: puskesmas }],
      [B, { workUnit: puskesmas, employmentType: 'PPPK' }],
      [C, { workUnit: { opd: OPD, serviceUnit: null } }],
      [D, { workUnit: { opd: OPD, serviceUnit: null } }],
      [E, { workUnit: { opd: OPD, serviceUnit: null } }],
      [F, { workUnit: { opd: 'ELSEWHERE', serviceUnit: null } }],
    ] as const)
      await http().post('/staff').send(staffBody(nip, over)).expect(201);
    await http().post(`/staff/${E}/departure`).send({ reason: 'resigned', effectiveOn: '2026-03-10' }).expect(201);

    // The year's only programme: klasikal, 24 JP at Rp 3,000,000 → Rp 125,000 per JP. C completed 12 JP of it.
    const store = app.get(EventStore);
    const programmeId = `prog-${RUN}`;
    const training = { programmeId, nip: C, enrolmentId: `${programmeId}-${C}`, jp: 12, year: 2026 };
    const charged = { workUnit: { opd: OPD, serviceUnit: null }, fundingOpd: OPD, costPerParticipant: 3_000_000 };
    const area = { competencyType: 'teknis', competencyArea: 'patient-management' } as const;
    await store.append(
      `programme-${programmeId}`,
      'no-stream',
      [
        { type: 'ProgrammePublished', data: { programmeId, ...details({ costPerParticipant: 3_000_000 }) } },
        {
          type: 'StaffEnrolled',
          data: { ...training, ...charged, ...area, attempt: 1, enrolledOn: '2026-01-10', need: null },
        },
        { type: 'EnrolmentConfirmed', data: { ...training, commitmentId: `c-${RUN}` } },
        {
          type: 'TrainingCompleted',
          data: { ...training, ...charged, ...area, completedOn: '2026-02-03', attendanceOverride: null },
        },
      ],
      meta,
    );

    const fromAssessment = [
      // A: komunikasi 1 against the required 3 as Perawat (A's position); D's gap was judged as Bidan, not D's position.
      ...(await assessment.publish(`assessment-record-${A}`, gap(A, 'komunikasi', 'Perawat', 3, 1))),
      ...(await assessment.publish(`assessment-record-${D}`, gap(D, 'komunikasi', 'Bidan', 4, 1))),
      ...(await assessment.publish(`assessment-record-${E}`, gap(E, 'komunikasi', 'Perawat', 4, 1))),
      // C: bls lapses on 1 June; ppi lapsed on 1 April too, but was renewed to 2029.
      ...(await assessment.publish(`assessment-record-${C}`, [
        certified(C, 'bls', '2023-06-01', '2026-06-01'),
        certified(C, 'ppi', '2023-04-01', '2026-04-01'),
        certified(C, 'ppi', '2026-01-15', '2029-01-15'),
      ])),
      ...(await assessment.publish(`assessment-record-${E}`, [certified(E, 'bls', '2023-05-01', '2026-05-01')])),
      ...(await assessment.publish(`competency-bls-${RUN}`, [
        {
          type: 'CompetencyDefined',
          data: { code: `bls-${RUN}`, name: 'Bantuan hidup dasar', competencyType: 'teknis', description: null },
        },
      ])),
    ];
    const fromFeedback = [
      // LOKET's period arrives before its registration (another stream): it is kept all the same.
      ...(await feedback.publish(`survey-period-${LOKET}`, [closed(LOKET, '2025', scores({ u8: 2.9 }), '2026-01-05')])),
      ...(await feedback.publish(`service-unit-${LOKET}`, [registered(LOKET, 'counter')])),
      ...(await feedback.publish(`service-unit-${PKM}`, [registered(PKM, 'puskesmas')])),
      ...(await feedback.publish(`survey-period-${PKM}`, [closed(PKM, '2025-Q4', scores({ u7: 2.5 }), '2026-01-06')])),
      // An older period closed late does not replace the latest.
      ...(await feedback.publish(`survey-period-${PKM}`, [closed(PKM, '2025-Q3', scores({ u6: 2.0 }), '2026-01-07')])),
    ];
    const gapIds = fromAssessment.slice(0, 6);
    const inputIds = [...fromAssessment.slice(6), ...fromFeedback];
    await eventually(() => processedBy('enrolment.staff-competency-gap', gapIds), 30000, 200);
    await eventually(() => processedBy('enrolment.planning-inputs', inputIds), 30000, 200);
    const head = (await store.head()).position;
    await eventually(async () => {
      const list = (await http().get('/admin/projections').expect(200)).body as { position: number }[];
      return list.every((p) => p.position === head) ? true : undefined;
    });
  });

  afterAll(async () => {
    await Promise.all([assessment?.stop(), feedback?.stop()]);
    await stop?.();
  });

  it('proposes the lines worked out by hand, by priority, priced at the year’s cost per JP', async () => {
    const res = await http().get(`/units/${OPD}/needs-analysis`).expect(200);
    const body = res.body as NeedsAnalysisView;
    expect(body).toMatchObject({ opd: OPD, year: 2026, asOf: '2026-03-10' });
    expect(
      body.lines.map((l) => [l.lineId, l.form, l.priority, l.people, l.jpPerPerson, l.costPerJp, l.estimatedRupiah]),
    ).toEqual([
      // A's gap of 2 in komunikasi: klasikal, 8 × 2 = 16 JP at Rp 125,000.
      ['gap-komunikasi', 'klasikal', 1, [A], 16, 125_000, 16 * 125_000],
      // The puskesmas' u7 (2.50 < 3.0644): everyone serving there, PPPK too, 8 JP.
      ['skm-komunikasi', 'klasikal', 1, [A, B].sort(), 8, 125_000, 2 * 8 * 125_000],
      ['cert-bls', 'klasikal', 2, [C], 8, 125_000, 8 * 125_000],
      // D: 20 − 0 credited − 0 planned = 20; C: 20 − 12 − 8 (bls) = 0; A: 20 − 0 − 24 < 0. E-learning at the default.
      ['jp-shortfall-20', 'e-learning', 3, [D], 20, 40_000, 20 * 40_000],
    ]);
    expect(body.lines[1].rationale).toBe(`NRR u7 2.50 at ${PKM}, 2025-Q4`);
    expect(body.totals).toEqual({ lines: 4, people: 4, jp: 16 + 16 + 8 + 20, rupiah: 5_800_000 });
  });

  it('shows what it read: staff, gaps, the units’ latest periods and weak elements, certifications, unit costs', async () => {
    const { inputs } = (await http().get(`/units/${OPD}/needs-analysis?year=2026`).expect(200))
      .body as NeedsAnalysisView;
    expect(inputs).toMatchObject({
      activeStaff: 4,
      pns: 3,
      competencyGaps: 1,
      expiringCertifications: 1,
      pnsBelowTarget: 3,
    });
    expect(inputs.serviceUnits).toEqual([
      {
        ...{ unitCode: LOKET, kind: 'counter', period: '2025', ikm: 80, grade: 'B' },
        weakElements: [{ element: 'u8', nrr: 2.9, competencyArea: 'pelayanan-publik' }],
      },
      {
        ...{ unitCode: PKM, kind: 'puskesmas', period: '2025-Q4', ikm: 80, grade: 'B' },
        weakElements: [{ element: 'u7', nrr: 2.5, competencyArea: 'komunikasi' }],
      },
    ]);
    expect(inputs.unitCosts.klasikal).toEqual({ costPerJp: 125_000, source: 'programmes', programmes: 1 });
    expect(inputs.unitCosts['e-learning']).toEqual({ costPerJp: 40_000, source: 'default', programmes: 0 });
  });

  it('knows a competency from the national list, the agency’s dictionary or a published programme’s area', async () => {
    const db = app.get(DataSource);
    const asked = ['komunikasi', `bls-${RUN}`, 'patient-management', `unheard-of-${RUN}`];
    expect(await unknownCompetencies(db, asked)).toEqual([`unheard-of-${RUN}`]);
    expect(await isKnownCompetency(db, `bls-${RUN}`)).toBe(true);
  });

  it('for another year, prices from that year’s programmes (none: the defaults) and counts its JP only', async () => {
    const body = (await http().get(`/units/${OPD}/needs-analysis?year=2027`).expect(200)).body as NeedsAnalysisView;
    // No certification lapses in 2027; C and D start it with 0 JP and nothing planned: 20 JP short each.
    expect(body.lines.map((l) => [l.lineId, l.people, l.costPerJp])).toEqual([
      ['gap-komunikasi', [A], 250_000],
      ['skm-komunikasi', [A, B].sort(), 250_000],
      ['jp-shortfall-20', [C, D].sort(), 40_000],
    ]);
    expect(body.inputs.unitCosts.klasikal).toEqual({ costPerJp: 250_000, source: 'default', programmes: 0 });
  });

  it('answers as the service’s OpenAPI document says', async () => {
    const conformance = new OpenApiConformance((await http().get('/openapi.json').expect(200)).body as OpenApiDocument);
    for (const year of [2026, 2027]) {
      const res = await http().get(`/units/${OPD}/needs-analysis?year=${year}`).expect(200);
      conformance.check('GET', `/units/${OPD}/needs-analysis`, 200, res.get('content-type'), res.body);
    }
    expect(conformance.mismatches).toEqual([]);
  });

  it('refuses a year out of range and a malformed OPD, naming the field', async () => {
    const year = await http().get(`/units/${OPD}/needs-analysis?year=1999`).expect(400);
    expect((year.body as ProblemDetails).errors?.map((e) => e.field)).toEqual(['year']);
    const opd = await http().get('/units/not%20an%20opd/needs-analysis').expect(400);
    expect((opd.body as ProblemDetails).errors?.map((e) => e.field)).toEqual(['opd']);
  });
});
