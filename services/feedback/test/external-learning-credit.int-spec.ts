import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ExternalLearningRecorded, ExternalLearningVerified } from '@kompeten/contracts';
import { eventually, httpOf } from '@kompeten/testing';
import type { CorrelationReport } from '../src/correlation/correlation-report.builder';
import type { UnitScorecardView as UnitScorecard } from '../src/queries/get-unit-scorecard/get-unit-scorecard.handler';
import { ForeignEvent, foreignServices } from './foreign-events';
import { nipsForRun, responseBody, runTag, scoresOf, startFeedbackApp, unitBody } from './feedback-app';

// The 20-JP right counts every form of development: external learning an officer verified (the
// enrolment topic's ExternalLearningVerified) counts in the correlation's training measures and the
// scorecard's JP beside the programmes completed — and recorded-but-unverified learning does not.
describe('verified external learning in the correlation’s training measures', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let foreign: Awaited<ReturnType<typeof foreignServices>>;
  const http = () => httpOf(app);
  const tag = runTag();
  const unitCode = `EL${tag}`;
  const workUnit = { opd: 'DINKES', serviceUnit: unitCode };
  const nipOf = nipsForRun();
  const [trained, pending] = [nipOf(1), nipOf(2)];
  const [verifiedId, pendingId] = [randomUUID(), randomUUID()];

  const registered = (nip: string): ForeignEvent => ({
    service: 'enrolment',
    streamId: `staff-${nip}`,
    type: 'StaffRegistered',
    schemaVersion: 1,
    data: { nip, name: null, employmentType: 'PNS', workUnit, position: 'Perawat', registeredOn: '2024-02-01' },
  });
  const recorded = (learningId: string, nip: string): ForeignEvent => ({
    service: 'enrolment',
    streamId: `external-learning-${learningId}`,
    type: 'ExternalLearningRecorded',
    data: {
      learningId,
      nip,
      workUnit,
      form: 'e-learning',
      title: 'MOOC pelayanan prima',
      provider: 'LAN RI',
      startDate: '2024-06-03',
      endDate: '2024-06-14',
      minutes: 450,
      evidence: { kind: 'url', url: 'https://asn-unggul.lan.go.id/cert/1' },
      providerCertificateNumber: null,
      competencyType: 'manajerial',
      competencyArea: 'pelayanan-publik',
      recordedOn: '2024-06-15',
    } satisfies ExternalLearningRecorded['data'],
  });
  const verified: ForeignEvent = {
    service: 'enrolment',
    streamId: `external-learning-${verifiedId}`,
    type: 'ExternalLearningVerified',
    data: {
      learningId: verifiedId,
      nip: trained,
      workUnit,
      form: 'e-learning',
      jpCredited: 10,
      jpEarned: 10,
      year: 2024,
      completedOn: '2024-06-14',
      verifiedOn: '2024-06-20',
      capApplied: false,
      competencyType: 'manajerial',
      competencyArea: 'pelayanan-publik',
    } satisfies ExternalLearningVerified['data'],
  };

  beforeAll(async () => {
    ({ app, stop } = await startFeedbackApp());
    foreign = await foreignServices();
    await http().post('/service-units').send(unitBody(unitCode)).expect(201);
    await foreign.publish([
      registered(trained),
      registered(pending),
      {
        service: 'enrolment',
        streamId: `programme-el-${tag.toLowerCase()}`,
        type: 'TrainingCompleted',
        schemaVersion: 1,
        data: {
          enrolmentId: `${tag}-e1`,
          programmeId: `el-${tag.toLowerCase()}`,
          nip: trained,
          jp: 12,
          year: 2024,
          completedOn: '2024-05-10',
          competencyType: 'teknis',
          competencyArea: 'komunikasi-pelayanan',
          workUnit,
          fundingOpd: 'DINKES',
          costPerParticipant: 1_500_000,
        },
      },
      recorded(verifiedId, trained),
      verified,
      // A redelivered (or re-appended) verification counts once.
      verified,
      // Recorded, never verified: no JP.
      recorded(pendingId, pending),
    ]);
    for (const servedOn of ['2024-08-05', '2024-08-06', '2024-08-07'])
      await http()
        .post('/survey-responses')
        .send(responseBody(randomUUID(), unitCode, { servedOn, scores: scoresOf('333343333') }))
        .expect(201);
    const db = app.get(DataSource);
    await eventually(async () => {
      const [{ staff, credits }] = await db.query<{ staff: number; credits: number }[]>(
        `select (select count(*) from fb_staff_assignment where nip = any($1))::int as staff,
                (select count(*) from fb_external_learning_credit where nip = any($1))::int as credits`,
        [[trained, pending]],
      );
      return staff === 2 && credits === 1 ? true : undefined;
    }, 30_000);
  }, 60_000);
  afterAll(async () => {
    await foreign.stop();
    await stop();
  });

  it('counts 12 JP of a programme and 10 JP of verified e-learning: the trained staff member has 22 JP and 20 JP met', async () => {
    const q3 = (await http().get('/correlation-report').query({ from: '2024-Q3' }).expect(200))
      .body as CorrelationReport;
    expect(q3.rows.find((r) => r.unitCode === unitCode)?.training).toMatchObject({
      asOf: '2024-09-30',
      headcount: 2,
      staffWith20Jp: 1,
      share20Jp: 0.5,
      jpPerStaff: 11,
    });
  });

  it('shows the same JP on the unit’s scorecard, staff by staff; unverified learning counts nothing', async () => {
    const card = (await http().get(`/service-units/${unitCode}/scorecard`).query({ period: '2024-Q3' }).expect(200))
      .body as UnitScorecard;
    expect(card.training.staff).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ nip: trained, jp: 22, meets20Jp: true }),
        expect.objectContaining({ nip: pending, jp: 0, meets20Jp: false }),
      ]),
    );
  });
});
