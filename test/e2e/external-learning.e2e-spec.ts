import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { addDays, CityCalendar } from '@kompeten/domain';
import { eventually, httpOf, type TestAuth } from '@kompeten/testing';
import { nip, staffBody } from '../../services/enrolment/test/enrolment-app';
import { startPlatform } from './five-services';

interface Scorecard {
  training: { staff: { nip: string; jp: number; meets20Jp: boolean }[] };
}
interface Ledger {
  jpLedger: { year: number; jpCompleted: number; belowTarget: boolean }[];
}

// Issue 22 through the gateway, the real services behind it: a staff member records a MOOC of 20 JP
// with their own token, may not verify it themselves, an officer does — and the JP reach the staff
// record's ledger (enrolment) and, over the enrolment topic, the feedback service's scorecard (the
// correlation's training side). Heads read their own unit's staff only.
describe('external learning — through the gateway', () => {
  let gateway: INestApplication;
  let auth: TestAuth;
  let stop: () => Promise<void>;
  const run = randomBytes(3).toString('hex').toUpperCase();
  const opd = `EXL-${run}`;
  const unit = `PKM-EXL-${run}`;
  const calendar = new CityCalendar();
  const today = calendar.dateOf(new Date());
  const year = Number(today.slice(0, 4));
  const [A, B] = [nip(980), nip(981)];
  const tokens: Record<string, string> = {};
  const http = () => httpOf(gateway);
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const mooc = {
    form: 'e-learning',
    title: 'MOOC pelayanan publik berbasis digital',
    provider: 'LAN RI (ASN Unggul)',
    // Ends today at the latest: a learning of a week, 15 hours.
    startDate: addDays(today, -6),
    endDate: today,
    hours: 15,
    evidence: { url: 'https://asn-unggul.lan.go.id/certificate/verify/XYZ-123' },
  };

  beforeAll(async () => {
    const p = await startPlatform();
    ({ gateway, auth, stop } = p);
    tokens.officer = await auth.token({ roles: ['training-officer'] });
    tokens.head = await auth.token({ roles: ['unit-head'], unit: opd });
    tokens.otherHead = await auth.token({ roles: ['unit-head'], unit: 'DINKES' });
    tokens.A = await auth.token({ roles: ['staff'], nip: A });
    await http()
      .post('/api/v1/service-units')
      .set(as('officer'))
      .send({
        unitCode: unit,
        name: `Puskesmas ${run}`,
        opd,
        kind: 'puskesmas',
        annualServiceUsers: 100,
        services: [{ code: 'POLI-UMUM', name: 'Poli umum' }],
      })
      .expect(201);
    for (const n of [A, B])
      await http()
        .post('/api/v1/staff')
        .set(as('officer'))
        .send(staffBody(n, { workUnit: { opd, serviceUnit: unit }, registeredOn: addDays(today, -30) }))
        .expect(201);
  }, 120_000);
  afterAll(() => stop());

  it('staff record their own learning, not another’s, and cannot verify it; an officer verifies it once', async () => {
    await http().post(`/api/v1/staff/${B}/external-learning`).set(as('A')).send(mooc).expect(403);
    const recorded = await http().post(`/api/v1/staff/${A}/external-learning`).set(as('A')).send(mooc).expect(201);
    const { learningId } = recorded.body as { learningId: string };
    await http().post(`/api/v1/external-learning/${learningId}/verification`).set(as('A')).expect(403);
    const verified = await http()
      .post(`/api/v1/external-learning/${learningId}/verification`)
      .set(as('officer'))
      .expect(201);
    expect(verified.body).toMatchObject({ jpCredited: 20, capApplied: false });
    await http().post(`/api/v1/external-learning/${learningId}/verification`).set(as('officer')).expect(200);
  });

  it('the head of the staff member’s OPD reads their records; the head of another OPD may not', async () => {
    const own = await eventually(async () => {
      const res = await http().get(`/api/v1/staff/${A}/external-learning`).set(as('head'));
      const items = (res.body as { items?: { status: string }[] }).items;
      return res.status === 200 && items?.[0]?.status === 'verified' ? items : undefined;
    });
    expect(own).toHaveLength(1);
    await http().get(`/api/v1/staff/${A}/external-learning`).set(as('otherHead')).expect(403);
  });

  it('the 20 JP reach the ledger and, through the enrolment topic, the scorecard’s staff JP', async () => {
    const ledger = (await http().get(`/api/v1/staff/${A}`).set(as('officer')).expect(200)).body as Ledger;
    expect(ledger.jpLedger.find((y) => y.year === year)).toMatchObject({ jpCompleted: 20, belowTarget: false });
    const staff = await eventually(async () => {
      const res = await http().get(`/api/v1/service-units/${unit}/scorecard`).set(as('officer'));
      const rows = (res.body as Scorecard).training?.staff ?? [];
      return res.status === 200 && rows.some((s) => s.nip === A && s.jp === 20) ? rows : undefined;
    }, 30_000);
    expect(staff).toEqual(
      expect.arrayContaining([
        { nip: A, jp: 20, meets20Jp: true },
        { nip: B, jp: 0, meets20Jp: false },
      ]),
    );
  });
});
