import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { CommandAcceptedBody, listExpiringCertifications, ResponseOf } from '@kompeten/api';
import type { ProblemDetails } from '@kompeten/platform';
import { eventually, httpOf } from '@kompeten/testing';
import { startAssessmentApp, TestClock, uniqueNip } from './assessment-app';
import { enrolmentOf, staffRegistered } from './enrolment-events.mother';
import { fakeEnrolment } from './fake-enrolment';

type Expiring = ResponseOf<typeof listExpiringCertifications>;

// A unit's certifications running out, and a renewal: a new post-assessment at the required level
// certifies again (CompetencyCertified), which supersedes the old certification.
describe('certifications expiring in a unit, and their renewal', () => {
  let app: INestApplication<Server>;
  let stop: () => Promise<void>;
  let clock: TestClock;
  let enrolment: Awaited<ReturnType<typeof fakeEnrolment>>;
  const http = () => httpOf(app);
  const run = randomBytes(4).toString('hex');
  // An OPD of this run only: the broker keeps earlier runs' staff, and a fresh consumer group reads them all.
  const OPD = `EXP-${run.toUpperCase()}`;
  const unit = { opd: OPD, serviceUnit: `PKM-${run.toUpperCase()}` };
  const elsewhere = { opd: `ELSE-${run.toUpperCase()}`, serviceUnit: null };
  const [A, B, C, L] = [uniqueNip(), uniqueNip(), uniqueNip(), uniqueNip()];
  const programme = `exp-${run}`;

  const list = (query: Record<string, unknown> = {}, opd = OPD) =>
    http().get(`/units/${opd}/certifications/expiring`).query(query);
  const certificationsOf = async (nip: string) =>
    ((await http().get(`/staff/${nip}/competency-profile`)).body as { certifications?: { status: string }[] })
      .certifications ?? [];
  /** Enrolled, confirmed and completed on `completedOn`; the post-assessment recorded at 85/100 (level 4). */
  async function certify(nip: string, enrolmentId: string, completedOn: string, assessedOn: string) {
    const e = enrolmentOf(nip, enrolmentId, programme);
    await enrolment.publish(e.enrolled, e.confirmed, e.completed(completedOn));
    await eventually(async () =>
      (await http().get(`/staff/${nip}/competency-profile`)).text.includes(`${enrolmentId}-post`) ? true : undefined,
    );
    const answer = await http()
      .post(`/staff/${nip}/assessments/${enrolmentId}-post/result`)
      .send({ assessor: 'assessor:197901012005011002', method: 'test', score: 85, assessedOn })
      .expect(201);
    expect((answer.body as CommandAcceptedBody).events).toContain('CompetencyCertified');
  }

  beforeAll(async () => {
    ({ app, stop, clock } = await startAssessmentApp({}, '2027-06-01'));
    enrolment = await fakeEnrolment();
    await enrolment.publish(
      staffRegistered(A, 'Perawat Ahli Pertama', unit),
      staffRegistered(B, 'Perawat Ahli Pertama', { opd: OPD, serviceUnit: null }),
      staffRegistered(C, 'Perawat Ahli Pertama', elsewhere),
      staffRegistered(L, 'Perawat Ahli Pertama', unit),
    );
    for (const nip of [A, B, C, L])
      await eventually(async () =>
        (await http().get(`/staff/${nip}/competency-profile`)).status === 200 ? true : undefined,
      );
    await http().post('/competencies').send({ code: 'manajemen-pasien', name: 'Manajemen pasien' }).expect(201);
    // 36 months of validity (the default): A's runs out on 2029-11-25, B's on 2030-05-10, C's (another OPD) on 2029-11-26.
    await certify(A, `a-${run}`, '2026-11-20', '2026-11-25');
    await certify(B, `b-${run}`, '2027-05-01', '2027-05-10');
    await certify(C, `c-${run}`, '2026-11-20', '2026-11-26');
    await certify(L, `l-${run}`, '2026-11-20', '2026-11-27');
    await enrolment.publish({ type: 'StaffLeft', data: { nip: L, reason: 'retired', effectiveOn: '2027-05-31' } });
    for (const nip of [A, B, C, L])
      await eventually(async () => ((await certificationsOf(nip)).length ? true : undefined));
  });
  afterAll(async () => {
    await enrolment?.stop();
    await stop();
  });

  it('lists nothing while every certification is years from expiry', async () => {
    const body = (await list().expect(200)).body as Expiring;
    expect(body).toMatchObject({
      opd: OPD,
      asOf: '2027-06-01',
      withinDays: 90,
      until: '2027-08-30',
      certifications: 0,
    });
    expect(body.staff).toEqual([]);
  });

  it('lists the unit’s active staff whose certification expires within the window, with the days left', async () => {
    clock.set('2029-10-01');
    // The roster's record of L's departure may still be on its way: wait until L is no longer listed.
    const body = await eventually(async () => {
      const b = (await list().expect(200)).body as Expiring;
      return b.staff.some((s) => s.nip === L) ? undefined : b;
    });
    expect(body).toMatchObject({ asOf: '2029-10-01', withinDays: 90, until: '2029-12-30', certifications: 1 });
    expect(body.staff).toEqual([
      {
        nip: A,
        serviceUnit: unit.serviceUnit,
        position: 'Perawat Ahli Pertama',
        certifications: [
          {
            certificationId: `cert-a-${run}-post`,
            competencyCode: 'manajemen-pasien',
            competencyName: 'Manajemen pasien',
            level: 4,
            requiredLevel: 3,
            certifiedOn: '2026-11-25',
            expiresOn: '2029-11-25',
            daysLeft: 55,
          },
        ],
      },
    ]);
    // A year ahead takes in B's too, soonest first; one service unit narrows it to A.
    const year = (await list({ withinDays: 365 }).expect(200)).body as Expiring;
    expect(year.staff.map((s) => [s.nip, s.certifications[0].expiresOn, s.certifications[0].daysLeft])).toEqual([
      [A, '2029-11-25', 55],
      [B, '2030-05-10', 221],
    ]);
    const pkm = (await list({ withinDays: 365, serviceUnit: unit.serviceUnit }).expect(200)).body as Expiring;
    expect(pkm.staff.map((s) => s.nip)).toEqual([A]);
    // C's certification (another OPD) is listed there, not here.
    const there = (await list({}, elsewhere.opd).expect(200)).body as Expiring;
    expect(there.staff.map((s) => [s.nip, s.certifications[0].daysLeft])).toEqual([[C, 56]]);
  });

  it('a renewal — a new post-assessment at the required level — supersedes the old certification: A leaves the list', async () => {
    await certify(A, `a2-${run}`, '2029-09-15', '2029-09-20');
    const body = await eventually(async () => {
      const b = (await list({ withinDays: 365 }).expect(200)).body as Expiring;
      return b.staff.some((s) => s.nip === A) ? undefined : b;
    });
    expect(body.staff.map((s) => s.nip)).toEqual([B]);
    const certifications = await certificationsOf(A);
    expect(certifications).toEqual([
      expect.objectContaining({ certificationId: `cert-a-${run}-post`, status: 'superseded' }),
      expect.objectContaining({ certificationId: `cert-a2-${run}-post`, status: 'valid', expiresOn: '2032-09-20' }),
    ]);
  });

  it('does not list a certification on or after its expiry date, even before the expiry check marks it', async () => {
    clock.set('2030-05-09');
    const eve = (await list().expect(200)).body as Expiring;
    expect(eve.staff.map((s) => [s.nip, s.certifications[0].daysLeft])).toEqual([[B, 1]]);
    clock.set('2030-05-10'); // B's expiry date: expired today, whether or not the check has run yet
    expect(((await list().expect(200)).body as Expiring).staff).toEqual([]);
  });

  it.each([
    [{ withinDays: 0 }, 'withinDays'],
    [{ withinDays: 731 }, 'withinDays'],
    [{ withinDays: 'soon' }, 'withinDays'],
    [{ serviceUnit: 'not a unit' }, 'serviceUnit'],
  ])('refuses %j with a 400 naming %s', async (query, field) => {
    const problem = (await list(query).expect(400)).body as ProblemDetails;
    expect([...new Set(problem.errors?.map((e) => e.field))]).toEqual([field]);
  });
});
