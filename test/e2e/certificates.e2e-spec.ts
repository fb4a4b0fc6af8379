import type { INestApplication } from '@nestjs/common';
import type { Response } from 'superagent';
import type { ProgrammeEvent } from '@kompeten/contracts';
import { EventStore, type NewEvent } from '@kompeten/event-store';
import type { ProblemDetails } from '@kompeten/platform';
import { eventually, httpOf } from '@kompeten/testing';
import { staffBody, startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';
import { readPdf } from '../../services/enrolment/test/certificate-pdf.reader';
import { details } from '../../services/enrolment/test/programme.mother';
import { roleTokens, startGateway } from '../../services/gateway/test/gateway-app';

const HOLDER = '198609262015051001'; // the staff token's own NIP; the unit-head token heads DINKES
const BASE = 'https://kompeten.bukittinggikota.example';

/** A programme the holder completed, appended as the programme decider would. */
function completion(programmeId: string): NewEvent<ProgrammeEvent>[] {
  const workUnit = { opd: 'DINKES', serviceUnit: null };
  const course = { competencyType: 'teknis', competencyArea: 'patient-management' } as const;
  const money = { fundingOpd: 'DINKES', costPerParticipant: 0 };
  const enrolmentId = `${programmeId}-${HOLDER}`;
  const common = { enrolmentId, programmeId, nip: HOLDER, workUnit, jp: 16, year: 2026, ...course, ...money };
  return [
    { type: 'ProgrammePublished', data: { programmeId, ...details({ title: 'Pelayanan prima', jp: 16 }) } },
    { type: 'StaffEnrolled', data: { ...common, attempt: 1, enrolledOn: '2026-01-15', need: null } },
    { type: 'TrainingCompleted', data: { ...common, completedOn: '2026-02-03', attendanceOverride: null } },
  ];
}

/** supertest collects a PDF as text unless told to keep the bytes. */
const bytes = (res: Response, done: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

// The gateway in front of the real enrolment service: scopes, the PDF's bytes, and the public route without a token.
describe('certificates through the gateway', () => {
  let gateway: INestApplication;
  let stops: (() => Promise<void>)[] = [];
  let tokens: Awaited<ReturnType<typeof roleTokens>> & { otherStaff: string; otherHead: string };
  let number: string;
  const http = () => httpOf(gateway);
  const as = (role: keyof typeof tokens) => ({ Authorization: `Bearer ${tokens[role]}` });

  beforeAll(async () => {
    const e = await startEnrolmentApp({ PUBLIC_BASE_URL: BASE });
    await e.app.listen(0, '127.0.0.1');
    const g = await startGateway({ ENROLMENT_URL: await e.app.getUrl() });
    gateway = g.app;
    tokens = {
      ...(await roleTokens(g.auth)),
      otherStaff: await g.auth.token({ roles: ['staff'], nip: '198001012010011001' }),
      otherHead: await g.auth.token({ roles: ['unit-head'], unit: 'BPBD' }),
    };
    stops = [g.stop, e.stop];
    await http().post('/api/v1/staff').set(as('training-officer')).send(staffBody(HOLDER)).expect(201);
    await e.app.get(EventStore).append('programme-e2e-cert', 'no-stream', completion('e2e-cert'), {
      actor: 'user:test',
      correlationId: 'certificates-e2e',
      causationId: null,
    });
    number = await eventually(async () => {
      const res = await http().get(`/api/v1/staff/${HOLDER}/certificates`).set(as('staff'));
      return (res.body as { certificates?: { number: string }[] }).certificates?.[0]?.number;
    });
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
  });

  it('the holder reads it and prints it: the PDF arrives byte for byte, with the number and the QR code', async () => {
    await http().get(`/api/v1/certificates/${number}`).set(as('staff')).expect(200);
    const res = await http()
      .get(`/api/v1/certificates/${number}/pdf`)
      .set(as('staff'))
      .buffer(true)
      .parse(bytes)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    const pdf = await readPdf(res.body as Buffer);
    expect(pdf.text).toContain(number);
    expect(pdf.qrCodes).toEqual([`${BASE}/api/v1/public/certificates/${number}`]);
  });

  it('another staff member and the head of another OPD are refused (403); the head of the holder’s OPD may print it', async () => {
    for (const role of ['otherStaff', 'otherHead'] as const) {
      await http().get(`/api/v1/certificates/${number}`).set(as(role)).expect(403);
      await http().get(`/api/v1/certificates/${number}/pdf`).set(as(role)).expect(403);
    }
    await http().get(`/api/v1/certificates/${number}/pdf`).set(as('unit-head')).buffer(true).parse(bytes).expect(200);
    await http().get(`/api/v1/staff/${HOLDER}/certificates`).set(as('otherStaff')).expect(403);
  });

  it('anyone verifies it without a token; an unknown and a malformed number answer the same 404', async () => {
    const ok = await http().get(`/api/v1/public/certificates/${number}`).expect(200);
    expect(ok.body).toMatchObject({ status: 'valid', title: 'Pelayanan prima', jp: 16, holderName: null });
    const shape = (b: ProblemDetails) => ({ type: b.type, title: b.title, detail: b.detail, status: b.status });
    const unknown = await http().get('/api/v1/public/certificates/KPT-2026-0000-0000').expect(404);
    const malformed = await http().get('/api/v1/public/certificates/%3Cscript%3E').expect(404);
    expect(shape(malformed.body as ProblemDetails)).toEqual(shape(unknown.body as ProblemDetails));
  });

  it('only the holder chooses to show their name: another staff member cannot send the holder’s NIP', async () => {
    const path = `/api/v1/certificates/${number}/disclosure`;
    await http().post(path).set(as('otherStaff')).send({ nip: HOLDER, showHolderName: true }).expect(403);
    await http().post(path).set(as('staff')).send({ nip: HOLDER, showHolderName: true }).expect(201);
    const res = await http().get(`/api/v1/public/certificates/${number}`).expect(200);
    expect((res.body as { holderName: string | null }).holderName).toBe('Siti Rahmah');
  });
});
