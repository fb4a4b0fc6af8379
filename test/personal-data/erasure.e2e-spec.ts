import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { EventStore } from '@kompeten/event-store';
import { eventually, httpOf } from '@kompeten/testing';
import { nip, staffBody } from '../../services/enrolment/test/enrolment-app';
import { responseBody, runTag, unitBody } from '../../services/feedback/test/feedback-app';
import { startPlatform } from '../e2e/five-services';

type Platform = Awaited<ReturnType<typeof startPlatform>>;
interface Place {
  service: string;
  stream: string;
  position: number;
  type: string;
  field: string;
}
interface ServiceReport {
  service: string;
  alreadyErased: boolean;
  subjectKeyId: string;
  event: { stream: string; position: number; eventId: string; erasureId: string };
  places: Omit<Place, 'service'>[];
  proof: {
    fieldsReadAsErased: boolean;
    keyDeleted: boolean;
    chain: { ok: boolean; headAgrees: boolean; count: number };
  };
}
interface ErasureAnswer {
  erasureId: string;
  complete: boolean;
  proof: { fieldsReadAsErased: boolean; chainsVerify: boolean };
  places: Place[];
  services: ServiceReport[];
}

const SERVICES = ['enrolment', 'assessment', 'budget', 'feedback'] as const;

// Erasure as an operation (UU 27/2022): an admin erases a staff member and a citizen through the
// gateway (and from a terminal with `npm run erase`); every service deletes the key, records
// PersonalDataErased without the data, and answers where the data was, with the proof.
describe('erasing a person through the gateway', () => {
  let p: Platform;
  const http = () => httpOf(p.gateway);
  const as = (role: keyof Platform['tokens']) => ({ Authorization: `Bearer ${p.tokens[role]}` });
  const store = (service: (typeof SERVICES)[number]): EventStore => (p[service] as INestApplication).get(EventStore);
  const staffNip = nip(4242);
  const unit = `PKM-ERASE-${runTag()}`;
  const submissionId = randomUUID();
  const SECOND = randomUUID();
  const name = 'Siti Rahmah Erasable';
  const comment = 'Perawat Siti ramah, HP 0812-7777-4242';

  const staffRecord = async () =>
    (await http().get(`/api/v1/staff/${staffNip}`).set(as('admin')).expect(200)).body as {
      name: string | null;
      nameErased: boolean;
    };
  const response = async (id: string) =>
    (
      (
        await http()
          .get(`/api/v1/service-units/${unit}/responses`)
          .query({ period: '2026-02', includePersonal: true })
          .set(as('admin'))
          .expect(200)
      ).body as {
        items: { submissionId: string; comment?: string | null; contact?: string | null; erased?: string[] }[];
      }
    ).items.find((i) => i.submissionId === id);

  beforeAll(async () => {
    p = await startPlatform();
    await http().post('/api/v1/staff').set(as('training-officer')).send(staffBody(staffNip, { name })).expect(201);
    await http().post('/api/v1/service-units').set(as('training-officer')).send(unitBody(unit)).expect(201);
    for (const id of [submissionId, SECOND])
      await http()
        .post('/api/v1/survey-responses')
        .set(as('kiosk'))
        .send(responseBody(id, unit, { comment, contact: 'warga@example.id', servedBy: staffNip }))
        .expect(201);
    expect(await eventually(async () => ((await staffRecord()).name === name ? true : undefined))).toBe(true);
    expect(await eventually(async () => (await response(submissionId))?.comment)).toBe(comment);
  });
  afterAll(async () => {
    await p?.stop();
  });
  it('erases a staff member in every service: the report lists the places, every read shows null, every chain verifies', async () => {
    const heads = await Promise.all(SERVICES.map((s) => store(s).head()));
    const res = await http()
      .post('/api/v1/admin/erasures')
      .set(as('admin'))
      .send({ subject: `staff:${staffNip}`, reason: 'data-subject-request' })
      .expect(200);
    const answer = res.body as ErasureAnswer;
    expect(answer).toMatchObject({ complete: true, proof: { fieldsReadAsErased: true, chainsVerify: true } });
    expect(answer.services.map((s) => s.service)).toEqual([...SERVICES]);
    expect(answer.places).toEqual([
      expect.objectContaining({
        service: 'enrolment',
        stream: `staff-${staffNip}`,
        type: 'StaffRegistered',
        field: 'name',
      }),
    ]);
    for (const [i, s] of SERVICES.entries()) {
      const report = answer.services[i];
      expect(report).toMatchObject({
        alreadyErased: false,
        proof: { keyDeleted: true, chain: { ok: true, headAgrees: true } },
      });
      // One PersonalDataErased in each service's own log, carrying neither the NIP nor the name. (Other
      // events may land meanwhile: the assessment service reacts to the registration through Kafka.)
      const log = (await store(s).readAll(heads[i].position)).filter((e) => e.type === 'PersonalDataErased');
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({
        streamId: report.event.stream,
        position: report.event.position,
        data: { erasureId: answer.erasureId, subjectKind: 'staff', reason: 'data-subject-request' },
        metadata: { actor: expect.stringMatching(/^admin:/) as unknown },
      });
      expect(JSON.stringify(log[0])).not.toContain(staffNip);
      expect(JSON.stringify(log[0])).not.toContain('Siti');
      expect(await store(s).verify()).toMatchObject({ ok: true, headAgrees: true });
    }
    expect(await staffRecord()).toMatchObject({ name: null, nameErased: true });
    // The citizen's comment (a different person) is untouched.
    expect((await response(submissionId))?.comment).toBe(comment);
  });

  it('erases a citizen respondent: the comment and contact read as erased, the report says where they were', async () => {
    const res = await http()
      .post('/api/v1/admin/erasures')
      .set(as('admin'))
      .send({ subject: `respondent:${submissionId}`, reason: 'consent-withdrawn' })
      .expect(200);
    const answer = res.body as ErasureAnswer;
    expect(answer.proof).toEqual({ fieldsReadAsErased: true, chainsVerify: true });
    expect(answer.places.map(({ service, stream, type, field }) => ({ service, stream, type, field }))).toEqual([
      {
        service: 'feedback',
        stream: `survey-response-${submissionId}`,
        type: 'SurveyResponseSubmitted',
        field: 'comment',
      },
      {
        service: 'feedback',
        stream: `survey-response-${submissionId}`,
        type: 'SurveyResponseSubmitted',
        field: 'contact',
      },
    ]);
    expect(await response(submissionId)).toMatchObject({
      comment: null,
      contact: null,
      erased: ['comment', 'contact'],
    });
    expect((await response(SECOND))?.comment).toBe(comment);
  });

  it('answers a repeated erasure with the first one’s events and records nothing new', async () => {
    // Counted by type, not by the logs' heads: reactions to the registration may still be arriving.
    const erasures = () =>
      Promise.all(
        SERVICES.map(async (s) => (await store(s).readAll(0, 100_000)).filter((e) => e.type === 'PersonalDataErased')),
      );
    const before = await erasures();
    const first = (await store('enrolment').readAll(0, 100_000)).filter((e) => e.type === 'PersonalDataErased');
    const again = (
      await http()
        .post('/api/v1/admin/erasures')
        .set(as('admin'))
        .send({ subject: `staff:${staffNip}`, reason: 'data-subject-request' })
        .expect(200)
    ).body as ErasureAnswer;
    expect(again.services.every((s) => s.alreadyErased)).toBe(true);
    expect(again.services[0].event.eventId).toBe(first[0].eventId);
    expect(again.proof).toEqual({ fieldsReadAsErased: true, chainsVerify: true });
    expect(await erasures()).toEqual(before);
  });

  it('is for admins only, and names a wrong subject or reason', async () => {
    for (const role of ['training-officer', 'unit-head', 'auditor'] as const)
      await http()
        .post('/api/v1/admin/erasures')
        .set(as(role))
        .send({ subject: `staff:${staffNip}`, reason: 'data-subject-request' })
        .expect(403);
    const res = await http()
      .post('/api/v1/admin/erasures')
      .set(as('admin'))
      .send({ subject: 'Siti Rahmah', reason: 'because' })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(((res.body as { errors: { field: string }[] }).errors ?? []).map((e) => e.field).sort()).toEqual([
      'reason',
      'subject',
    ]);
  });

  it('does the same from a terminal: npm run erase', async () => {
    await p.gateway.listen(0, '127.0.0.1');
    const child = spawn(
      process.execPath,
      [
        path.join(__dirname, '../../tools/erase/erase.mjs'),
        `respondent:${SECOND}`,
        '--reason',
        'retention-expired',
        '--gateway',
        await p.gateway.getUrl(),
        '--token',
        p.tokens.admin,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(out).toContain('proof: every place reads as erased, every chain verifies');
    expect(code).toBe(0);
    const report = JSON.parse(out.trim().split('\n').at(-1)!) as ErasureAnswer;
    expect(report.places.map((pl) => pl.field)).toEqual(['comment', 'contact']);
    expect(await response(SECOND)).toMatchObject({ comment: null, contact: null });
  });
});
