import request from 'supertest';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type {
  CommandAcceptedBody,
  expireCertifications,
  getCompetencyDictionary,
  getCompetencyProfile,
  getUnitGapReport,
  listOverdueAssessments,
  ResponseOf,
  scheduleAssessment,
} from '@kompeten/api';
import { addDays, CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import type { ProblemDetails } from '@kompeten/platform';
import { eventually, httpOf } from '@kompeten/testing';
import { startAssessmentApp, TestClock, uniqueNip } from './assessment-app';
import { enrolmentOf, NURSE, PKM, staffRegistered } from './enrolment-events.mother';
import { fakeEnrolment } from './fake-enrolment';

// What the endpoints answer: their declared response bodies (every date in them is a string).
type Dictionary = ResponseOf<typeof getCompetencyDictionary>;
type Profile = ResponseOf<typeof getCompetencyProfile>;
type GapReport = ResponseOf<typeof getUnitGapReport>;
type Overdue = ResponseOf<typeof listOverdueAssessments>;
type ExpiryCheck = ResponseOf<typeof expireCertifications>;
type Scheduled = ResponseOf<typeof scheduleAssessment>;

// The assessment service over HTTP, fed by enrolment events published to the real enrolment topic.
describe('the assessment service over HTTP', () => {
  let app: INestApplication<Server>;
  let stop: () => Promise<void>;
  let clock: TestClock;
  let store: EventStore;
  let enrolment: Awaited<ReturnType<typeof fakeEnrolment>>;
  const http = () => httpOf(app);
  const run = randomBytes(4).toString('hex');
  const [A, B, D, E, stranger] = [uniqueNip(), uniqueNip(), uniqueNip(), uniqueNip(), uniqueNip()];
  const [eA, eB, eD] = [`e-a-${run}`, `e-b-${run}`, `e-d-${run}`];
  const WIB = new CityCalendar('Asia/Jakarta');
  const programme = `asm-${run}`;
  // Partial: until the roster knows the staff member, the answer is a 404 problem.
  const profile = (nip: string) =>
    http()
      .get(`/staff/${nip}/competency-profile`)
      .then((r) => r.body as Partial<Profile>);
  const assessment = (nip: string, id: string) =>
    profile(nip).then((p) => p.history?.find((a) => a.assessmentId === id));
  const record = (nip: string, id: string, body: Record<string, unknown>) =>
    http()
      .post(`/staff/${nip}/assessments/${id}/result`)
      .send({ assessor: 'assessor:197901012005011002', ...body });

  beforeAll(async () => {
    ({ app, stop, clock } = await startAssessmentApp({ ASSESSMENT_EXPIRY_CHECK_MS: '200' }));
    store = app.get(EventStore);
    enrolment = await fakeEnrolment();
    // E works elsewhere (another OPD and position): it stays out of DINKES's figures below.
    const elsewhere = { opd: 'DISDUKCAPIL', serviceUnit: null };
    await enrolment.publish(
      staffRegistered(A),
      staffRegistered(B),
      staffRegistered(D),
      staffRegistered(E, 'Analis Kependudukan', elsewhere),
    );
    for (const nip of [A, B, D, E])
      await eventually(async () =>
        (await http().get(`/staff/${nip}/competency-profile`)).status === 200 ? true : undefined,
      );
  });
  afterAll(async () => {
    await enrolment.stop();
    await stop();
  });

  it('preloads the 8 manajerial and the sosial-kultural competency, on levels 1..5, and takes teknis ones per agency', async () => {
    const before = (await http().get('/competencies').expect(200)).body as Dictionary;
    expect(before.levels).toEqual([1, 2, 3, 4, 5]);
    expect(before.competencies.filter((c) => c.source === 'PermenPANRB 38/2017').map((c) => c.competencyType)).toEqual([
      ...Array<string>(8).fill('manajerial'),
      'sosial-kultural',
    ]);
    await http().post('/competencies').send({ code: 'manajemen-pasien', name: 'Manajemen pasien' }).expect(201);
    expect(
      (
        (await http().post('/competencies').send({ code: 'integritas', name: 'Integritas' }).expect(409))
          .body as ProblemDetails
      ).errors,
    ).toEqual([{ field: 'code', message: 'is reserved' }]);
    expect(
      ((await http().post('/competencies').send({ code: 'Bad Code', name: 'x y' }).expect(400)).body as ProblemDetails)
        .errors?.[0].field,
    ).toBe('code');
  });

  it('sets the required levels of a position, refusing competencies the dictionary lacks', async () => {
    const bad = await http()
      .post('/position-standards')
      .send({ position: NURSE, requirements: [{ competencyCode: 'nope', level: 3 }] })
      .expect(400);
    expect((bad.body as ProblemDetails).errors).toEqual([
      { field: 'requirements[0].competencyCode', message: 'nope is not in the competency dictionary' },
    ]);
    expect(
      (
        (
          await http()
            .post('/position-standards')
            .send({ position: NURSE, requirements: [{ competencyCode: 'komunikasi', level: 6 }] })
            .expect(400)
        ).body as ProblemDetails
      ).errors?.[0].field,
    ).toBe('requirements[0].level');
    const ok = await http()
      .post('/position-standards')
      .send({
        position: NURSE,
        requirements: [
          { competencyCode: 'manajemen-pasien', level: 4 },
          { competencyCode: 'komunikasi', level: 3 },
        ],
      })
      .expect(201);
    expect(ok.body).toEqual({
      streamId: 'position-standard-perawat-ahli-pertama',
      version: 1,
      events: ['PositionStandardSet'],
    });
  });

  it('schedules the pre-assessment on EnrolmentConfirmed, the post and on-the-job ones on TrainingCompleted', async () => {
    const a = enrolmentOf(A, eA, programme);
    const [, confirmed] = await enrolment.publish(a.enrolled, a.confirmed);
    const pre = await eventually(() => assessment(A, `${eA}-pre`));
    expect(pre).toMatchObject({
      kind: 'pre',
      competencyCode: 'manajemen-pasien',
      trigger: 'enrolment-confirmed',
      status: 'scheduled',
      // Confirmed on the city's date of the event (EnrolmentConfirmed carries none).
      dueOn: addDays(WIB.dateOf(new Date(confirmed.occurredAt)), 7),
    });
    await enrolment.publish(a.completed('2026-11-20'));
    expect(await eventually(() => assessment(A, `${eA}-post`))).toMatchObject({
      kind: 'post',
      dueOn: '2026-12-04',
      trigger: 'training-completed',
    });
    expect(await assessment(A, `${eA}-on-the-job`)).toMatchObject({ kind: 'on-the-job', dueOn: '2027-02-20' });
  });

  it('records results: the level from the score, the learning gain, and a certification at the position’s level', async () => {
    // Level 1 before training (30/100), where the position requires 4: the gap the training is for.
    expect(
      (
        (await record(A, `${eA}-pre`, { method: 'test', score: 30, assessedOn: '2026-11-02' }).expect(201))
          .body as CommandAcceptedBody
      ).events,
    ).toEqual(['AssessmentRecorded', 'CompetencyGapIdentified']);
    const post = await record(A, `${eA}-post`, { method: 'test', score: 85, assessedOn: '2026-11-25' }).expect(201);
    expect((post.body as CommandAcceptedBody).events).toEqual(['AssessmentRecorded', 'CompetencyCertified']);
    const [recorded] = (await store.readStream(`assessment-record-${A}`))
      .filter((e) => e.type === 'AssessmentRecorded')
      .slice(-1);
    // 85/100 is level 4 (80–89) under the default mapping: 4 − 1 = 3 levels gained.
    expect(recorded.data).toMatchObject({ level: 4, learningGain: 3, late: false, method: 'test', score: 85 });
    // Two projections (assessments, certifications) catch up independently: wait for both.
    const p = await eventually(async () => {
      const r = await profile(A);
      return r.certifications?.length && r.programmes?.some((g) => g.learningGain !== null) ? r : undefined;
    });
    expect(p.programmes).toEqual([
      expect.objectContaining({ enrolmentId: eA, programmeId: programme, learningGain: 3, scoreGain: 55 }),
    ]);
    expect(p.competencies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'manajemen-pasien',
          requiredLevel: 4,
          currentLevel: 4,
          gap: 0,
          status: 'meets',
          // @types/jest types the asymmetric matchers `any`; as `unknown` they stand in for a value without it.
          certification: expect.objectContaining({ expiresOn: '2029-11-25', status: 'valid' }) as unknown,
        }),
        expect.objectContaining({ code: 'komunikasi', requiredLevel: 3, currentLevel: null, status: 'not-assessed' }),
      ]),
    );
  });

  it('accepts a result dated today at 03:00 WIB, when the UTC date is still yesterday', async () => {
    const scheduled = (
      await http()
        .post(`/staff/${E}/assessments`)
        .send({ kind: 'periodic', competencyCode: 'integritas', dueOn: '2026-12-15' })
        .expect(201)
    ).body as Scheduled;
    clock.setInstant('2026-11-29T20:00:00.000Z'); // 03:00 WIB on 30 November
    try {
      const res = await record(E, scheduled.assessmentId, {
        method: 'observation',
        score: 4,
        assessedOn: '2026-11-30',
      });
      expect(res.status).toBe(201);
      const [recorded] = (await store.readStream(`assessment-record-${E}`)).filter(
        (e) => e.type === 'AssessmentRecorded',
      );
      expect(recorded.data).toMatchObject({ assessedOn: '2026-11-30', level: 4 });
      const tomorrow = await record(E, scheduled.assessmentId, {
        method: 'observation',
        score: 4,
        assessedOn: '2026-12-01',
      });
      expect(tomorrow.status).toBe(400);
      expect((tomorrow.body as ProblemDetails).errors).toEqual([
        { field: 'assessedOn', message: 'cannot be after today (2026-11-30)' },
      ]);
    } finally {
      clock.set('2026-11-29');
    }
  });

  describe('bad input: a 4xx problem naming the field, nothing appended', () => {
    const refused = async (call: () => request.Test, status: number, field: string) => {
      const before = await store.head();
      const res = await call().expect(status);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect((res.body as ProblemDetails).errors).toEqual([expect.objectContaining({ field })]);
      expect(await store.head()).toEqual(before);
    };

    it('a score outside the method’s range', () =>
      refused(() => record(A, `${eA}-on-the-job`, { method: 'observation', score: 6 }), 400, 'score'));
    it('a method that does not exist', () =>
      refused(() => record(A, `${eA}-on-the-job`, { method: 'interview', score: 3 }), 400, 'method'));
    it('an assessment for staff the roster does not know', async () => {
      await refused(() => record(stranger, `${eA}-post`, { method: 'test', score: 50 }), 404, 'nip');
      await refused(
        () =>
          http()
            .post(`/staff/${stranger}/assessments`)
            .send({ kind: 'periodic', competencyCode: 'komunikasi', dueOn: '2026-12-31' }),
        404,
        'nip',
      );
    });
    it('a post-assessment with no matching enrolment', () =>
      refused(
        () =>
          http()
            .post(`/staff/${A}/assessments`)
            .send({ kind: 'post', enrolmentId: 'no-such-enrolment', dueOn: '2026-12-31' }),
        422,
        'enrolmentId',
      ));
    it('a result dated in the future', () =>
      refused(
        () => record(A, `${eA}-on-the-job`, { method: 'test', score: 50, assessedOn: '2026-12-01' }),
        400,
        'assessedOn',
      ));
  });

  it('identifies gaps per staff member and aggregates them per unit', async () => {
    const scheduled = await http()
      .post(`/staff/${D}/assessments`)
      .send({ kind: 'periodic', competencyCode: 'komunikasi', dueOn: '2026-12-15' })
      .expect(201);
    const res = await record(D, (scheduled.body as Scheduled).assessmentId, {
      method: 'observation',
      score: 2,
      assessedOn: '2026-11-28',
    }).expect(201);
    expect((res.body as CommandAcceptedBody).events).toEqual(['AssessmentRecorded', 'CompetencyGapIdentified']);
    const report = await eventually(async () => {
      const r = (await http().get('/units/DINKES/competency-gaps').query({ serviceUnit: PKM.serviceUnit }).expect(200))
        .body as GapReport;
      return r.competencies.find((c) => c.code === 'komunikasi')?.withGap ? r : undefined;
    });
    expect(report.competencies.find((c) => c.code === 'komunikasi')).toMatchObject({
      name: 'Komunikasi',
      assessed: 1,
      withGap: 1,
      meanGap: 1,
    });
    expect(report.competencies.find((c) => c.code === 'manajemen-pasien')).toMatchObject({
      assessed: 1,
      withGap: 0,
    });
    expect(report.staff).toEqual(
      expect.arrayContaining([
        {
          nip: D,
          position: NURSE,
          gaps: [{ competencyCode: 'komunikasi', requiredLevel: 3, assessedLevel: 2, gap: 1 }],
        },
      ]),
    );
  });

  it('shows missing assessments as of a date, and drops those of a withdrawn enrolment', async () => {
    const b = enrolmentOf(B, eB, programme);
    await enrolment.publish(b.enrolled, b.confirmed, b.withdrawn);
    expect(
      await eventually(async () => {
        const a = await assessment(B, `${eB}-pre`);
        return a?.status === 'cancelled' ? a : undefined;
      }),
    ).toMatchObject({ cancelReason: 'enrolment-withdrawn' });
    const overdue = (await http().get('/assessments/overdue').query({ asOf: '2027-03-01', opd: 'DINKES' }).expect(200))
      .body as Overdue;
    const mine = overdue.missing.filter((m) => [A, B, D].includes(m.nip));
    expect(mine).toEqual([
      expect.objectContaining({
        assessmentId: `${eA}-on-the-job`,
        nip: A,
        dueOn: '2027-02-20',
        daysOverdue: 9,
        serviceUnit: PKM.serviceUnit,
      }),
    ]);
    const today = (await http().get('/assessments/overdue').expect(200)).body as Overdue;
    expect(today.asOf).toBe('2026-11-29');
    expect(today.missing.filter((m) => [A, B, D].includes(m.nip))).toEqual([]);
  });

  it('expires certifications: the check as of a given date, and the worker once the clock passes the expiry', async () => {
    const d = enrolmentOf(D, eD, programme);
    await enrolment.publish(d.enrolled, d.confirmed, d.completed('2026-11-21'));
    await eventually(() => assessment(D, `${eD}-post`));
    expect(
      (
        (await record(D, `${eD}-post`, { method: '360', score: 4, assessedOn: '2026-11-27' }).expect(201))
          .body as CommandAcceptedBody
      ).events,
    ).toContain('CompetencyCertified');
    await eventually(async () => ((await profile(D)).certifications?.length ? true : undefined));

    expect((await http().post('/certifications/expiry-check').send({ asOf: '2029-11-24' }).expect(200)).body).toEqual({
      asOf: '2029-11-24',
      expired: [],
    });
    const check = (await http().post('/certifications/expiry-check').send({ asOf: '2029-11-25' }).expect(200))
      .body as ExpiryCheck;
    expect(check.expired).toEqual([
      expect.objectContaining({
        nip: A,
        competencyCode: 'manajemen-pasien',
        expiresOn: '2029-11-25',
        detectedOn: '2029-11-25',
      }),
    ]);

    clock.set('2029-11-28');
    const expired = await eventually(async () =>
      (await store.readStream(`assessment-record-${D}`)).find((e) => e.type === 'CertificationExpired'),
    );
    expect(expired.data).toMatchObject({
      competencyCode: 'manajemen-pasien',
      expiresOn: '2029-11-27',
      detectedOn: '2029-11-28',
    });
    expect(expired.metadata.actor).toBe('service:assessment');
    expect((await http().post('/certifications/expiry-check').send({}).expect(200)).body).toEqual({
      asOf: '2029-11-28',
      expired: [],
    });
  });

  it('publishes its OpenAPI document', async () => {
    const doc = (await http().get('/openapi.json').expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/competencies',
        '/position-standards',
        '/staff/{nip}/assessments',
        '/staff/{nip}/assessments/{assessmentId}/result',
        '/certifications/expiry-check',
        '/staff/{nip}/competency-profile',
        '/units/{opd}/competency-gaps',
        '/assessments/overdue',
      ]),
    );
  });
});
