import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ExternalLearningView } from '../src/external-learning/read-external-learning';
import { Clock, type ProblemDetails } from '@kompeten/platform';
import { eventually, httpOf } from '@kompeten/testing';
import type { StaffRecordView } from '../src/queries/get-staff-record/get-staff-record.handler';
import type { UnitSummaryView } from '../src/queries/get-unit-summary/get-unit-summary.handler';
import type { StaffBelowJpTargetView } from '../src/queries/list-staff-below-jp-target/list-staff-below-jp-target.handler';
import { nip, staffBody, startEnrolmentApp } from './enrolment-app';

const MAY_4_NOON_WIB = '2026-05-04T05:00:00Z'; // 2026-05-04 in Bukittinggi
const OPD = 'DISDUKCAPIL';
const course = (over: Record<string, unknown> = {}) => ({
  form: 'course',
  title: 'Pelatihan dasar administrasi kependudukan',
  provider: 'BPSDM Provinsi Sumatera Barat',
  startDate: '2026-04-06',
  endDate: '2026-04-08',
  hours: 15, // 900 minutes: 20 JP
  evidence: { reference: 'SIMPEG/DOC/2026/000417', sha256: 'AB'.repeat(32) },
  providerCertificateNumber: 'BPSDM-SB/2026/0911',
  ...over,
});

// External learning through the enrolment service's API: recorded (no JP), then verified by an officer
// — and only then in the ledger, the 20-JP list, the unit summary and the development plan's progress.
describe('external learning, from recording to JP credited', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let db: DataSource;
  const http = () => httpOf(app);
  const A = nip(611);
  const B = nip(612);
  const fieldsOf = (body: unknown) => (body as ProblemDetails).errors?.map((e) => e.field);
  const streams = async (n: string) =>
    (
      await db.query<{ count: number }[]>(
        `select count(distinct stream_id)::int as count from es_event
          where stream_id like 'external-learning-%' and payload->>'nip' = $1`,
        [n],
      )
    )[0].count;
  const items = (n: string, ready: (xs: ExternalLearningView[]) => boolean) =>
    eventually(async () => {
      const res = await http().get(`/staff/${n}/external-learning`).expect(200);
      const xs = (res.body as { items: ExternalLearningView[] }).items;
      return ready(xs) ? xs : undefined;
    });
  const record = async (n: string) => (await http().get(`/staff/${n}`).expect(200)).body as StaffRecordView;
  const below = async () =>
    (await http().get(`/jp-ledger/below-target?opd=${OPD}&year=2026`).expect(200)).body as StaffBelowJpTargetView;
  const ledger2026 = (r: StaffRecordView) => r.jpLedger.find((y) => y.year === 2026)!;

  beforeAll(async () => {
    ({ app, stop } = await startEnrolmentApp());
    db = app.get(DataSource);
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(MAY_4_NOON_WIB));
    for (const n of [A, B])
      await http()
        .post('/staff')
        .send(staffBody(n, { workUnit: { opd: OPD, serviceUnit: null }, registeredOn: '2025-01-02' }))
        .expect(201);
    await http().post(`/staff/${A}/development-plans`).send({ year: 2026, targets: [], targetJp: 24 }).expect(201);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await stop();
  });

  describe('bad input: 400 naming the field, and nothing appended', () => {
    it.each([
      ['no evidence', 'evidence', { evidence: undefined }],
      ['evidence with neither a document nor a URL', 'evidence', { evidence: {} }],
      ['a document without its hash', 'evidence.sha256', { evidence: { reference: 'SIMPEG/DOC/1' } }],
      ['a hash that is not SHA-256', 'evidence.sha256', { evidence: { reference: 'SIMPEG/DOC/1', sha256: 'abc' } }],
      [
        'both a document and a URL',
        'evidence',
        { evidence: { reference: 'D', sha256: 'a'.repeat(64), url: 'https://x.id' } },
      ],
      ['a URL that is not https', 'evidence.url', { evidence: { url: 'http://lms.example.org/cert/1' } }],
      ['an end after the city’s today', 'endDate', { endDate: '2026-05-05' }],
      ['an end before the start', 'endDate', { startDate: '2026-04-09' }],
      ['neither minutes nor hours', 'minutes', { hours: undefined }],
      ['both minutes and hours', 'hours', { minutes: 900 }],
      ['a form the rules do not know', 'form', { form: 'retreat' }],
      ['more minutes than the days hold', 'minutes', { hours: undefined, minutes: 3 * 24 * 60 + 1 }],
    ])('%s → 400 naming %s', async (_, field, over) => {
      const res = await http().post(`/staff/${A}/external-learning`).send(course(over)).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fieldsOf(res.body)).toContain(field);
      expect(await streams(A)).toBe(0);
    });
  });

  it('a recorded course credits nothing until an officer verifies it; then the ledger, the 20-JP list, the unit summary and the plan’s progress count its 20 JP', async () => {
    const res = await http().post(`/staff/${A}/external-learning`).send(course()).expect(201);
    const { learningId } = res.body as { learningId: string };
    expect(res.body).toMatchObject({ events: ['ExternalLearningRecorded'] });
    const [recorded] = await items(A, (xs) => xs.length === 1);
    expect(recorded).toMatchObject({
      learningId,
      status: 'recorded',
      group: 'klasikal',
      minutes: 900,
      jpCredited: 0,
      evidence: { kind: 'document', reference: 'SIMPEG/DOC/2026/000417', sha256: 'ab'.repeat(32) },
    });
    // Recorded and projected, not verified: no JP anywhere.
    expect(ledger2026(await record(A))).toMatchObject({ jpCompleted: 0, belowTarget: true });
    expect((await below()).staff.find((s) => s.nip === A)).toMatchObject({ jpCompleted: 0, jpMissing: 20 });

    const verified = await http().post(`/external-learning/${learningId}/verification`).expect(201);
    expect(verified.body).toMatchObject({ events: ['ExternalLearningVerified'], jpCredited: 20, capApplied: false });
    const again = await http().post(`/external-learning/${learningId}/verification`).expect(200);
    expect(again.body).toMatchObject({ events: [], jpCredited: 20 });

    await items(A, (xs) => xs[0]?.status === 'verified');
    const staff = await record(A);
    expect(ledger2026(staff)).toMatchObject({ jpCompleted: 20, belowTarget: false });
    expect(staff.externalLearning).toEqual([
      expect.objectContaining({ learningId, status: 'verified', jpCredited: 20 }),
    ]);
    expect(staff.developmentPlan?.progress).toMatchObject({ jpCredited: 20, jpRemaining: 4 });
    const list = await below();
    expect(list.staff.map((s) => s.nip)).not.toContain(A);
    expect(list.staff.map((s) => s.nip)).toContain(B);
    const summary = (await http().get(`/units/${OPD}/summary?year=2026`).expect(200)).body as UnitSummaryView;
    expect(summary).toMatchObject({ jpCompleted: 20, jpCoverage: { pns: 2, meeting20Jp: 1 } });
  });

  it('seminars are capped at 8 JP a year: the first credits 8 of its 13, the next credits nothing, capApplied', async () => {
    const seminar = (title: string) =>
      course({ form: 'seminar', title, startDate: '2026-04-20', endDate: '2026-04-21', hours: 10 });
    const first = await http()
      .post(`/staff/${B}/external-learning`)
      .send(seminar('Seminar pelayanan publik'))
      .expect(201);
    const one = (first.body as { learningId: string }).learningId;
    expect((await http().post(`/external-learning/${one}/verification`).expect(201)).body).toMatchObject({
      jpCredited: 8,
      capApplied: true,
    });
    const second = await http().post(`/staff/${B}/external-learning`).send(seminar('Seminar kependudukan')).expect(201);
    const two = (second.body as { learningId: string }).learningId;
    await items(B, (xs) => xs.some((x) => x.learningId === one && x.status === 'verified'));
    expect((await http().post(`/external-learning/${two}/verification`).expect(201)).body).toMatchObject({
      jpCredited: 0,
      capApplied: true,
    });
    await items(B, (xs) => xs.every((x) => x.status === 'verified'));
    expect(ledger2026(await record(B))).toMatchObject({ jpCompleted: 8, belowTarget: true });
  });

  it('a rejection is coded, its note sealed; rejecting again is 200, verifying it then is 409, an unknown id 404', async () => {
    const res = await http()
      .post(`/staff/${A}/external-learning`)
      .send(course({ evidence: { url: 'https://lms.example.org/cert/77' } }))
      .expect(201);
    const { learningId } = res.body as { learningId: string };
    const note = `Sertifikat atas nama orang lain ${learningId.slice(-6)}`;
    const missingNote = await http().post(`/external-learning/${learningId}/rejection`).send({ reason: 'other' });
    expect(missingNote.status).toBe(400);
    expect(fieldsOf(missingNote.body)).toContain('note');
    await http().post(`/external-learning/${learningId}/rejection`).send({ reason: 'other', note }).expect(201);
    const again = await http().post(`/external-learning/${learningId}/rejection`).send({ reason: 'duplicate' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ events: [], jpCredited: 0 });
    const conflict = await http().post(`/external-learning/${learningId}/verification`).expect(409);
    expect((conflict.body as ProblemDetails).type).toMatch(/external-learning-rejected/);
    await http().post('/external-learning/0190a6f2-8b7c-7d4e-9f00-112233445566/verification').expect(404);

    const [raw] = await db.query<{ text: string }[]>(
      `select payload::text as text from es_event where stream_id = $1 and type = 'ExternalLearningRejected'`,
      [`external-learning-${learningId}`],
    );
    expect(raw.text).not.toContain(note);
    const rejected = await items(A, (xs) => xs.some((x) => x.learningId === learningId && x.status === 'rejected'));
    expect(rejected.find((x) => x.learningId === learningId)).toMatchObject({
      rejectionReason: 'other',
      jpCredited: 0,
    });
    expect(JSON.stringify(await db.query('select * from external_learning'))).not.toContain(note);
    expect(ledger2026(await record(A)).jpCompleted).toBe(20);
  });
});
