import type { INestApplication } from '@nestjs/common';
import { eventually, httpOf } from '@kompeten/testing';
import { nip, staffBody, startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';
import { roleTokens, startGateway } from '../../services/gateway/test/gateway-app';

const OWN_NIP = '198609262015051001'; // the staff token's NIP; the unit-head token heads DINKES
const OTHER = nip(900);
const IN_BPBD = nip(901);

interface StaffPage {
  items: { nip: string; name: string | null; opd: string }[];
  total: number;
}

// Who may browse what, through the gateway in front of the real enrolment service.
describe('browsing through the gateway: role scopes and names', () => {
  let gateway: INestApplication;
  let stops: (() => Promise<void>)[] = [];
  let tokens: Awaited<ReturnType<typeof roleTokens>> & { 'bpbd-head': string };
  const http = () => httpOf(gateway);
  const as = (role: keyof typeof tokens) => ({ Authorization: `Bearer ${tokens[role]}` });
  const staffAs = async (role: keyof typeof tokens, query: Record<string, string> = {}) =>
    (await http().get('/api/v1/staff').query(query).set(as(role)).expect(200)).body as StaffPage;

  beforeAll(async () => {
    const e = await startEnrolmentApp();
    await e.app.listen(0, '127.0.0.1');
    const g = await startGateway({ ENROLMENT_URL: await e.app.getUrl() });
    gateway = g.app;
    tokens = { ...(await roleTokens(g.auth)), 'bpbd-head': await g.auth.token({ roles: ['unit-head'], unit: 'BPBD' }) };
    stops = [g.stop, e.stop];
    for (const body of [
      staffBody(OWN_NIP, { name: 'Siti Rahmah' }),
      staffBody(OTHER, { name: 'Rina Wati' }),
      staffBody(IN_BPBD, { name: 'Budi Santoso', workUnit: { opd: 'BPBD', serviceUnit: null } }),
    ])
      await http().post('/api/v1/staff').set(as('training-officer')).send(body).expect(201);
    await eventually(async () => ((await staffAs('training-officer')).total === 3 ? true : undefined));
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
  });

  it('keeps a unit-head to their own OPD: theirs when they name none, 403 for another', async () => {
    const own = await staffAs('unit-head');
    expect(own.items.map((s) => s.opd)).toEqual(['DINKES', 'DINKES']);
    expect(own.items.map((s) => s.name).sort()).toEqual(['Rina Wati', 'Siti Rahmah']);
    await http().get('/api/v1/staff').query({ opd: 'BPBD' }).set(as('unit-head')).expect(403);
    expect((await staffAs('bpbd-head')).items.map((s) => [s.nip, s.name])).toEqual([[IN_BPBD, 'Budi Santoso']]);
  });

  it('refuses the roster to staff and kiosks', async () => {
    await http().get('/api/v1/staff').set(as('staff')).expect(403);
    await http().get('/api/v1/staff').set(as('kiosk')).expect(403);
  });

  it('shows names to training officers and admins, never to auditors (even when they ask)', async () => {
    expect((await staffAs('training-officer')).items.every((s) => s.name !== null)).toBe(true);
    expect((await staffAs('admin')).items.every((s) => s.name !== null)).toBe(true);
    const audited = await staffAs('auditor', { includeNames: 'true' });
    expect(audited.total).toBe(3);
    expect(audited.items.map((s) => s.name)).toEqual([null, null, null]);
  });

  it('lets staff browse the catalogue, and ask what they may enrol in only for themselves', async () => {
    await http().get('/api/v1/programmes').set(as('staff')).expect(200);
    await http().get('/api/v1/programmes').query({ eligibleFor: OWN_NIP }).set(as('staff')).expect(200);
    await http().get('/api/v1/programmes').query({ eligibleFor: OTHER }).set(as('staff')).expect(403);
    await http().get('/api/v1/programmes').query({ eligibleFor: OTHER }).set(as('training-officer')).expect(200);
  });

  it('refuses a page over 200 at the edge, naming the field', async () => {
    const res = await http().get('/api/v1/programmes').query({ limit: 201 }).set(as('staff')).expect(400);
    expect((res.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['limit']);
  });
});
