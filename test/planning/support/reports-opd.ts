import type { INestApplication } from '@nestjs/common';
import { eventually, httpOf } from '@kompeten/testing';
import { nip, programmeBody, staffBody } from '../../../services/enrolment/test/enrolment-app';
import type { ProgrammeView } from '../../../services/enrolment/src/queries/get-programme/get-programme.handler';

/**
 * The OPD of reports.int-spec.ts, as docs/planning/shortage-and-plan-vs-actual.md works it by hand
 * ("The integration test's OPD"): its staff, three programmes with their budget, what happened in
 * them, and an approved plan — all through the services' own routes. `run` keeps ids unique (the
 * broker keeps earlier runs' events); the sessions lie early in `year`, so the test runs after them.
 */
export function reportsOpd(run: string, year: number, today: string) {
  const [A, B, C, D, E, F, G, H] = Array.from({ length: 8 }, (_, i) => nip(i));
  return {
    OPD: `SOS-${run.toUpperCase()}`,
    OTHER: `LAIN-${run.toUpperCase()}`,
    staff: { A, B, C, D, E, F, G, H },
    K1: `k1-${run}`, // klasikal komunikasi, Q1: 24 JP, 1,500,000
    E1: `e1-${run}`, // e-learning pelayanan-publik, self-paced: 10 JP, 300,000
    K2: `k2-${run}`, // klasikal komunikasi, Q3: 16 JP, 1,200,000
    run,
    year,
    today,
  };
}
export type ReportsOpd = ReturnType<typeof reportsOpd>;

const line = (lineId: string, competencyArea: string, quarter: number | null, form: string, over: object) => ({
  lineId,
  competencyArea,
  quarter,
  form,
  source: 'other',
  priority: 1,
  ...over,
});

/** Runs the OPD's year on the enrolment and budget services (not through the gateway: the reports are the subject). */
export async function seedReportsOpd(enrolment: INestApplication, budget: INestApplication, o: ReportsOpd) {
  const { OPD, OTHER, K1, E1, K2, run: RUN, year: YEAR, today: TODAY } = o;
  const { A, B, C, D, E, F, G, H } = o.staff;
  const en = () => httpOf(enrolment);
  const statusOf = async (programmeId: string, n: string) => {
    const p = (await en().get(`/programmes/${programmeId}`).expect(200)).body as ProgrammeView;
    return [...p.enrolments, ...p.waitlist].find((e) => e.nip === n)?.status;
  };
  const becomes = (programmeId: string, n: string, status: string) =>
    eventually(async () => ((await statusOf(programmeId, n)) === status ? true : undefined), 30000, 200);
  const enrol = async (programmeId: string, n: string, status = 'confirmed') => {
    await en().post(`/programmes/${programmeId}/enrolments`).send({ nip: n }).expect(201);
    await becomes(programmeId, n, status);
  };
  const attendAll = async (programmeId: string, n: string, sessions: string[]) => {
    for (const sessionId of sessions)
      await en()
        .post(`/programmes/${programmeId}/enrolments/${n}/attendance`)
        .send({ sessionId, attended: true })
        .expect(201);
  };
  const complete = (programmeId: string, n: string, completedOn: string) =>
    en().post(`/programmes/${programmeId}/enrolments/${n}/completion`).send({ completedOn }).expect(201);

  const staff = (n: string, over: object = {}) =>
    en()
      .post('/staff')
      .send(staffBody(n, { workUnit: { opd: OPD }, registeredOn: '2024-01-02', ...over }))
      .expect(201);
  for (const n of [A, B, C, D, E, G]) await staff(n);
  await staff(F, { employmentType: 'PPPK' });
  await staff(H, { workUnit: { opd: OTHER } });
  await en()
    .post(`/staff/${H}/transfers`)
    .send({ to: { opd: OPD }, effectiveOn: `${YEAR}-03-01` })
    .expect(201);
  await en()
    .post(`/staff/${G}/departure`)
    .send({ reason: 'retired', effectiveOn: `${YEAR}-01-31` })
    .expect(201);

  const bu = httpOf(budget);
  await bu
    .post('/budgets')
    .send({ fiscalYear: YEAR, opd: OPD, fundingSource: 'APBD', ceiling: 10_000_000 })
    .expect(201);
  for (const [programmeId, amount] of [
    [K1, 3_000_000],
    [E1, 900_000],
    [K2, 1_200_000],
  ] as const)
    await bu.post(`/budgets/${YEAR}-${OPD}-APBD/allocations`).send({ programmeId, amount }).expect(201);
  const common = { fundingOpd: OPD, capacity: 5, fiscalYear: YEAR };
  const day = (date: string, sessionId = 's1') => ({ sessionId, date: `${YEAR}-${date}`, title: 'Hari' });
  await en()
    .post('/programmes')
    .send(programmeBody(K1, { ...common, competencyArea: 'komunikasi', sessions: [day('02-02'), day('02-03', 's2')] }))
    .expect(201);
  await en()
    .post('/programmes')
    .send(
      programmeBody(E1, {
        ...common,
        form: 'e-learning',
        competencyArea: 'pelayanan-publik',
        jp: 10,
        costPerParticipant: 300_000,
        sessions: [],
        completionRule: { modules: ['m1'], minScore: null },
      }),
    )
    .expect(201);
  await en()
    .post('/programmes')
    .send(
      programmeBody(K2, {
        ...common,
        competencyArea: 'komunikasi',
        jp: 16,
        costPerParticipant: 1_200_000,
        sessions: [day('08-03')],
      }),
    )
    .expect(201);

  // A completes K1 (Q1); C enrols and withdraws for workload.
  await enrol(K1, A);
  await attendAll(K1, A, ['s1', 's2']);
  await complete(K1, A, `${YEAR}-02-03`);
  await enrol(K1, C);
  await en().post(`/programmes/${K1}/enrolments/${C}/withdrawal`).send({ reason: 'workload' }).expect(201);
  // B and F (PPPK) complete the e-learning; H does not (absent).
  for (const n of [B, F, H]) await enrol(E1, n);
  for (const n of [B, F]) await complete(E1, n, TODAY);
  await en().post(`/programmes/${E1}/enrolments/${H}/non-completion`).send({ reason: 'absent' }).expect(201);
  // E takes K2's only funded seat; D's funds request is rejected (allocation exhausted).
  await enrol(K2, E);
  await enrol(K2, D, 'waitlisted-funds');

  const plan = `/units/${OPD}/training-plans`;
  const head = { 'x-actor': `unit-head:kepala-${RUN}` };
  const lines = [
    line('L1', 'komunikasi', 1, 'klasikal', { headCount: 3, people: [A, C], jpPerPerson: 24, costPerJp: 62_500 }),
    line('L2', 'pelayanan-publik', null, 'e-learning', {
      priority: 2,
      headCount: 3,
      people: [B],
      jpPerPerson: 10,
      costPerJp: 30_000,
    }),
    line('L3', 'komunikasi', 3, 'klasikal', {
      priority: 3,
      headCount: 2,
      people: [],
      jpPerPerson: 16,
      costPerJp: 75_000,
    }),
  ];
  await en().post(plan).send({ year: YEAR, lines }).expect(201);
  await en().post(`${plan}/${YEAR}/submission`).send({ revision: 1 }).expect(201);
  await en().post(`${plan}/${YEAR}/approval`).set(head).send({ revision: 1 }).expect(201);
}
