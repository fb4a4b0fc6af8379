import { DataSource } from 'typeorm';
import type { INestApplication } from '@nestjs/common';
import {
  eventTopic,
  type AssessmentRecordEvent,
  type CertificateEvent,
  type ProgrammeEvent,
} from '@kompeten/contracts';
import { EventStore, eventStoreMigrations, type EventMetadata, type NewEvent } from '@kompeten/event-store';
import { encodeRecord } from '@kompeten/messaging';
import { Clock, type ProblemDetails } from '@kompeten/platform';
import {
  createTestDatabase,
  eventually,
  httpOf,
  migratedDataSource,
  testKafka,
  type TestDatabase,
} from '@kompeten/testing';
import type { getCertificate, listStaffCertificates, ResponseOf, verifyCertificate } from '@kompeten/api';
import { certificateNumber } from '../src/certificate/certificate-number';
import { reactWithCertificates } from '../src/certificate/issue-certificates.reaction';
import { readPdf } from './certificate-pdf.reader';
import { nip, staffBody, startEnrolmentApp } from './enrolment-app';
import { details } from './programme.mother';

type Certificate = ResponseOf<typeof getCertificate>;
type PublicCertificate = ResponseOf<typeof verifyCertificate>;
type StaffCertificates = ResponseOf<typeof listStaffCertificates>;

const BASE = 'https://kompeten.bukittinggikota.example';
const meta: EventMetadata = { actor: 'user:test', correlationId: 'certificates', causationId: null };
const HOLDER = nip(901);
const OTHER = nip(902);
const NOON_WIB = (date: string) => new Date(`${date}T05:00:00Z`);

/** A programme the holder completed (appended as the programme decider would): published, enrolled, completed. */
function completion(programmeId: string, n: string, completedOn: string): NewEvent<ProgrammeEvent>[] {
  const workUnit = { opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' };
  const course = { competencyType: 'teknis', competencyArea: 'patient-management' } as const;
  const money = { fundingOpd: 'DINKES', costPerParticipant: 1_500_000 };
  const enrolmentId = `${programmeId}-${n}`;
  return [
    { type: 'ProgrammePublished', data: { programmeId, ...details({ title: `Manajemen pasien ${programmeId}` }) } },
    {
      type: 'StaffEnrolled',
      data: {
        enrolmentId,
        programmeId,
        nip: n,
        workUnit,
        jp: 24,
        year: 2026,
        attempt: 1,
        enrolledOn: '2026-01-15',
        need: null,
        ...course,
        ...money,
      },
    },
    {
      type: 'TrainingCompleted',
      data: {
        enrolmentId,
        programmeId,
        nip: n,
        jp: 24,
        year: 2026,
        completedOn,
        workUnit,
        attendanceOverride: null,
        ...course,
        ...money,
      },
    },
  ];
}

/** Stands in for the assessment service: its events, in its wire format, on its real topic. */
async function fakeAssessment() {
  const db = await createTestDatabase('fake_assessment');
  const ds = await migratedDataSource(db, eventStoreMigrations);
  const store = new EventStore(ds);
  const producer = testKafka('fake-assessment').producer();
  await producer.connect();
  return {
    async publish(n: string, events: NewEvent<AssessmentRecordEvent>[]) {
      const stored = await store.append(`assessment-record-${n}-${Date.now()}`, 'no-stream', events, meta);
      const records = await store.readRecords(stored[0].position - 1, stored.length);
      await producer.send({ topic: eventTopic('assessment'), messages: records.map(encodeRecord) });
    },
    async stop() {
      await producer.disconnect();
      await ds.destroy();
      await db.drop();
    },
  };
}

describe('certificates: issued on completion and certification, read, printed, verified publicly, revoked', () => {
  let app: INestApplication;
  let db: TestDatabase;
  let store: EventStore;
  let close: () => Promise<void>;
  let assessment: Awaited<ReturnType<typeof fakeAssessment>>;
  const http = () => httpOf(app);
  const at = (instant: Date) => jest.spyOn(app.get(Clock), 'now').mockImplementation(() => instant);

  async function start(existing?: TestDatabase) {
    ({ app, db, close } = await startEnrolmentApp({ PUBLIC_BASE_URL: BASE }, existing));
    store = app.get(EventStore);
  }
  /** The holder's certificates once the register holds `count` of them. */
  const certificatesOf = (n: string, count: number) =>
    eventually(async () => {
      const res = await http().get(`/staff/${n}/certificates`);
      const body = res.body as StaffCertificates;
      return res.status === 200 && body.certificates.length === count ? body : undefined;
    });
  const issuedIn = async (number: string) =>
    (await store.readStream<CertificateEvent>(`certificate-${number}`)).filter((e) => e.type === 'CertificateIssued');

  beforeAll(async () => {
    await start();
    assessment = await fakeAssessment();
    for (const n of [HOLDER, OTHER]) await http().post('/staff').send(staffBody(n)).expect(201);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await assessment.stop();
    await close();
    await db.drop();
  });

  const first = certificateNumber('training', `kom-cert-1-${HOLDER}`, 2026);

  it('a completion issues one certificate, numbered from its enrolment, even when the reaction runs twice more', async () => {
    await store.append('programme-kom-cert-1', 'no-stream', completion('kom-cert-1', HOLDER, '2026-02-03'), meta);
    const { certificates } = await certificatesOf(HOLDER, 1);
    expect(certificates[0]).toMatchObject({
      number: first,
      kind: 'training',
      status: 'valid',
      title: 'Manajemen pasien kom-cert-1',
      provider: 'BKPSDM Kota Bukittinggi',
      programmeId: 'kom-cert-1',
      completedOn: '2026-02-03',
      jp: 24,
      expiresOn: null,
    });

    // The same completion handled again (a redelivery after the processed-message record was lost, a second consumer).
    const react = reactWithCertificates(store);
    const [completed] = (await store.readStream<ProgrammeEvent>('programme-kom-cert-1')).filter(
      (e) => e.type === 'TrainingCompleted',
    );
    for (let i = 0; i < 2; i++) {
      const tx = app.get(DataSource).createQueryRunner();
      await tx.connect();
      await tx.startTransaction();
      await react(completed, tx);
      await tx.commitTransaction();
      await tx.release();
    }
    expect(await issuedIn(first)).toHaveLength(1);

    const res = await http().get(`/certificates/${first}`).expect(200);
    expect(res.body as Certificate).toMatchObject({
      number: first,
      sourceId: `kom-cert-1-${HOLDER}`,
      nip: HOLDER,
      opd: 'DINKES',
      workUnit: { opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' },
      issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
      showHolderName: false,
      verificationUrl: `${BASE}/api/v1/public/certificates/${first}`,
    });
  });

  it('a completion while the service is down is issued once after the restart', async () => {
    await close();
    // The service is down: the completion is committed (with its outbox row) and nothing has reacted to it.
    const ds = await migratedDataSource(db, eventStoreMigrations);
    await new EventStore(ds).append(
      'programme-kom-cert-2',
      'no-stream',
      completion('kom-cert-2', HOLDER, '2026-03-10'),
      meta,
    );
    await ds.destroy();
    await start(db);
    const { certificates } = await certificatesOf(HOLDER, 2);
    const second = certificateNumber('training', `kom-cert-2-${HOLDER}`, 2026);
    expect(certificates.map((c) => c.number)).toEqual([second, first]); // newest completion first
    expect(await issuedIn(second)).toHaveLength(1);
  });

  it('public verification: valid with programme, date and JP; no NIP, no unit, no name unless the holder chose it', async () => {
    const res = await http().get(`/public/certificates/${first}`).expect(200);
    const body = res.body as PublicCertificate;
    expect(body).toMatchObject({
      number: first,
      status: 'valid',
      kind: 'training',
      completedOn: '2026-02-03',
      jp: 24,
      holderName: null,
    });
    expect(JSON.stringify(body)).not.toContain(HOLDER);
    expect(Object.keys(body)).not.toEqual(expect.arrayContaining(['nip']));
    expect(Object.keys(body)).not.toContain('workUnit');
  });

  it('an unknown and a malformed number answer the same 404', async () => {
    const unknown = await http().get('/public/certificates/KPT-2026-0000-0000').expect(404);
    const malformed = await http()
      .get(`/public/certificates/${encodeURIComponent("x' or 1=1 --")}`)
      .expect(404);
    const shape = (b: ProblemDetails) => ({ type: b.type, title: b.title, detail: b.detail, status: b.status });
    expect(shape(malformed.body as ProblemDetails)).toEqual(shape(unknown.body as ProblemDetails));
    await http().get('/certificates/not-a-number').expect(404);
  });

  it('the holder chooses to show their name publicly; the same choice again appends nothing; another NIP is 404', async () => {
    const choose = (n: string, showHolderName: boolean) =>
      http().post(`/certificates/${first}/disclosure`).send({ nip: n, showHolderName });
    await choose(HOLDER, true).expect(201);
    await choose(HOLDER, true).expect(200);
    await choose(OTHER, false).expect(404);
    const events = await store.readStream<CertificateEvent>(`certificate-${first}`);
    expect(events.map((e) => e.type)).toEqual(['CertificateIssued', 'CertificateDisclosureChosen']);
    const body = (await http().get(`/public/certificates/${first}`).expect(200)).body as PublicCertificate;
    expect(body.holderName).toBe('Siti Rahmah');
  });

  it('the PDF: an A4 page with the number and holder, and a QR code of the verification URL', async () => {
    const res = await http()
      .get(`/certificates/${first}/pdf`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    const pdf = await readPdf(res.body as Buffer);
    expect(pdf.pages).toBe(1);
    expect([Math.round(pdf.size.width), Math.round(pdf.size.height)]).toEqual([595, 842]); // A4 in points
    expect(pdf.text).toContain(`Nomor: ${first}`);
    expect(pdf.text).toContain('Siti Rahmah');
    expect(pdf.text).toContain('Manajemen pasien kom-cert-1');
    expect(pdf.text).toContain('24 JP');
    expect(pdf.qrCodes).toEqual([`${BASE}/api/v1/public/certificates/${first}`]);
  });

  it('revocation: a coded reason (note sealed), public verification says revoked; revoking again appends nothing', async () => {
    const bad = await http().post(`/certificates/${first}/revocation`).send({ reason: 'because' }).expect(400);
    expect((bad.body as ProblemDetails).errors?.map((e) => e.field)).toEqual(['reason']);
    await http().post('/certificates/KPT-2026-0000-0000/revocation').send({ reason: 'other' }).expect(404);
    const before = (await store.readStream(`certificate-${first}`)).length;

    at(NOON_WIB('2026-04-01'));
    await http()
      .post(`/certificates/${first}/revocation`)
      .send({ reason: 'issued-in-error', note: 'Kehadiran tercatat ganda' })
      .expect(201);
    await http().post(`/certificates/${first}/revocation`).send({ reason: 'misconduct' }).expect(200);
    expect((await store.readStream(`certificate-${first}`)).length).toBe(before + 1);
    // The note is about the holder: sealed in the log, never in clear.
    const [row] = await app
      .get(DataSource)
      .query<{ data: string }[]>(
        `select payload::text as data from es_event where stream_id = $1 and type = 'CertificateRevoked'`,
        [`certificate-${first}`],
      );
    expect(row.data).not.toContain('Kehadiran');

    const body = (await http().get(`/public/certificates/${first}`).expect(200)).body as PublicCertificate;
    expect(body).toMatchObject({ status: 'revoked', revokedOn: '2026-04-01', revocationReason: 'issued-in-error' });
    const listed = await eventually(async () => {
      const r = (await http().get(`/staff/${HOLDER}/certificates`)).body as StaffCertificates;
      return r.certificates.find((c) => c.number === first && c.status === 'revoked');
    });
    expect(listed).toMatchObject({ revocationReason: 'issued-in-error', revokedOn: '2026-04-01' });
  });

  it('a competency certification issues a certificate valid until its expiresOn, expired from that day (city today)', async () => {
    const certificationId = `cert-${Date.now()}`;
    await assessment.publish(OTHER, [
      {
        type: 'CompetencyCertified',
        data: {
          certificationId,
          nip: OTHER,
          competencyCode: 'orientasi-pada-hasil',
          level: 3,
          requiredLevel: 3,
          assessmentId: 'a-1',
          enrolmentId: null,
          programmeId: null,
          certifiedOn: '2026-05-04',
          expiresOn: '2029-05-04',
        },
      },
    ]);
    const { certificates } = await certificatesOf(OTHER, 1);
    const number = certificateNumber('competency', certificationId, 2026);
    expect(certificates[0]).toMatchObject({
      number,
      kind: 'competency',
      title: 'Orientasi pada hasil — level 3',
      competencyCode: 'orientasi-pada-hasil',
      level: 3,
      jp: 0,
      completedOn: '2026-05-04',
      expiresOn: '2029-05-04',
    });
    at(NOON_WIB('2029-05-03'));
    expect(((await http().get(`/public/certificates/${number}`)).body as PublicCertificate).status).toBe('valid');
    // 2029-05-04 00:30 WIB is still 2029-05-03 in UTC: the city's day decides.
    at(new Date('2029-05-03T17:30:00Z'));
    expect(((await http().get(`/public/certificates/${number}`)).body as PublicCertificate).status).toBe('expired');
  });
});
