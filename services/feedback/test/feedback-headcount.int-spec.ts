import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { eventually, httpOf } from '@kompeten/testing';
import type { CorrelationReport } from '../src/correlation/correlation-report.builder';
import type { UnitScorecardView as UnitScorecard } from '../src/queries/get-unit-scorecard/get-unit-scorecard.handler';
import { ForeignEvent, foreignServices } from './foreign-events';
import { nipsForRun, responseBody, runTag, scoresOf, startFeedbackApp, unitBody } from './feedback-app';

// Staff who served before go-live are registered today with their real registeredOn (the enrolment
// service allows a past date): the correlation read model places them from that date, so historical
// unit-periods have a headcount and a share with ≥ 20 JP — a unit-period nobody is known to work in
// has neither, and the report counts and names such periods.
describe('the headcount of historical unit-periods', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let foreign: Awaited<ReturnType<typeof foreignServices>>;
  const http = () => httpOf(app);
  const tag = runTag();
  const [staffed, empty] = [`HC${tag}-A`, `HC${tag}-B`];
  const nipOf = nipsForRun();
  const [veteran, newcomer] = [nipOf(1), nipOf(2)];
  const programmeId = `hc-${tag.toLowerCase()}`;
  const report = async (period: string) =>
    (await http().get('/correlation-report').query({ from: period }).expect(200)).body as CorrelationReport;
  const rowOf = (r: CorrelationReport, unitCode: string) => r.rows.find((x) => x.unitCode === unitCode);

  /** StaffRegistered as the enrolment service wrote it before positionSince existed (v1): the consumer reads it upcast. */
  const registered = (nip: string, registeredOn: string): ForeignEvent => ({
    service: 'enrolment',
    streamId: `staff-${nip}`,
    type: 'StaffRegistered',
    schemaVersion: 1,
    data: {
      nip,
      name: null,
      employmentType: 'PNS',
      workUnit: { opd: 'DINKES', serviceUnit: staffed },
      position: 'Perawat',
      registeredOn,
    },
  });

  beforeAll(async () => {
    ({ app, stop } = await startFeedbackApp());
    foreign = await foreignServices();
    for (const unitCode of [staffed, empty]) await http().post('/service-units').send(unitBody(unitCode)).expect(201);
    await foreign.publish([
      // Registered now, serving since February 2024: 2024-Q3 counts them.
      registered(veteran, '2024-02-01'),
      // Registered with a date after 2024-Q3: that quarter does not.
      registered(newcomer, '2024-10-01'),
      {
        service: 'enrolment',
        streamId: `programme-${programmeId}`,
        type: 'TrainingCompleted',
        schemaVersion: 1,
        data: {
          enrolmentId: `${tag}-e1`,
          programmeId,
          nip: veteran,
          jp: 24,
          year: 2024,
          completedOn: '2024-05-10',
          competencyType: 'teknis',
          competencyArea: 'komunikasi-pelayanan',
          workUnit: { opd: 'DINKES', serviceUnit: staffed },
          fundingOpd: 'DINKES',
          costPerParticipant: 1_500_000,
        },
      },
    ]);
    for (const unitCode of [staffed, empty])
      for (const servedOn of ['2024-08-05', '2024-08-06', '2024-08-07'])
        await http()
          .post('/survey-responses')
          .send(responseBody(randomUUID(), unitCode, { servedOn, scores: scoresOf('333343333') }))
          .expect(201);
    const db = app.get(DataSource);
    await eventually(async () => {
      const [{ staff, completions }] = await db.query<{ staff: number; completions: number }[]>(
        `select (select count(*) from fb_staff_assignment where nip = any($1))::int as staff,
                (select count(*) from fb_training_completion where nip = any($1))::int as completions`,
        [[veteran, newcomer]],
      );
      return staff === 2 && completions === 1 ? true : undefined;
    }, 30_000);
  }, 60_000);
  afterAll(async () => {
    await foreign.stop();
    await stop();
  });

  it('counts staff from their registeredOn: a period after it has them, with a share with 20 JP', async () => {
    const q3 = await report('2024-Q3');
    expect(rowOf(q3, staffed)?.training).toMatchObject({
      asOf: '2024-09-30',
      headcount: 1,
      staffWith20Jp: 1,
      share20Jp: 1,
      jpPerStaff: 24,
    });
    const q4 = await report('2024-Q4');
    expect(rowOf(q4, staffed)).toBeUndefined(); // no responses in 2024-Q4: not an observation
    const card = (await http().get(`/service-units/${staffed}/scorecard`).query({ period: '2024-Q4' }).expect(200))
      .body as UnitScorecard;
    expect(card.training).toMatchObject({ headcount: 2 });
    expect(card.training.staff.map((s) => s.nip).sort()).toEqual([veteran, newcomer].sort());
  });

  it('names the unit-periods nobody is known to work in, and leaves them out of the correlations with a training measure', async () => {
    const q3 = await report('2024-Q3');
    expect(rowOf(q3, empty)?.training).toMatchObject({ headcount: 0, share20Jp: null, jpPerStaff: null });
    expect(q3.observationsWithoutHeadcount).toBe(1);
    expect(q3.notes.join(' ')).toMatch(/1 of 2 unit-periods have no staff known/);
    expect(q3.correlations.find((c) => c.measure === 'share20Jp' && c.outcome === 'ikm')?.n).toBe(1);
  });
});
