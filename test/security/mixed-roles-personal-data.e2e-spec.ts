import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { eventually, httpOf, type TestAuth } from '@kompeten/testing';
import { responseBody, runTag, startFeedbackApp, unitBody } from '../../services/feedback/test/feedback-app';
import { roleTokens, startGateway } from '../../services/gateway/test/gateway-app';

// Citizens' comments and contacts of a unit are read by admins and by the head of that very unit.
// A token that holds unit-head of another OPD beside a city-wide role (auditor, training-officer)
// may read the unit's responses — the other role lets it — but never the personal fields.
describe('a unit-head holding another role cannot read another unit’s citizens’ comments', () => {
  let feedback: Awaited<ReturnType<typeof startFeedbackApp>>;
  let gateway: { app: INestApplication; auth: TestAuth; stop: () => Promise<void> };
  const unitCode = `PKM-${runTag()}`;
  const comment = `Perawatnya ramah ${randomUUID()}`;
  const contact = `warga-${randomUUID().slice(0, 8)}@contoh.id`;
  const read = (token: string) =>
    httpOf(gateway.app)
      .get(`/api/v1/service-units/${unitCode}/responses`)
      .query({ includePersonal: true, period: '2026-Q1' })
      .set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    feedback = await startFeedbackApp();
    await feedback.app.listen(0, '127.0.0.1');
    gateway = await startGateway({ FEEDBACK_URL: await feedback.app.getUrl() });
    const tokens = await roleTokens(gateway.auth);
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });
    await httpOf(gateway.app)
      .post('/api/v1/service-units')
      .set(as(tokens['training-officer']))
      .send(unitBody(unitCode, { opd: 'DINKES' }))
      .expect(201);
    await httpOf(gateway.app)
      .post('/api/v1/survey-responses')
      .set(as(tokens.kiosk))
      .send(responseBody(randomUUID(), unitCode, { comment, contact }))
      .expect(201);
    // The unit's own head sees the comment once the read model has it (so the refusals below are not vacuous).
    const ownHead = await gateway.auth.token({ roles: ['unit-head'], unit: 'DINKES' });
    await eventually(async () => {
      const r = await read(ownHead);
      return r.status === 200 && JSON.stringify(r.body).includes(comment) ? r : undefined;
    }, 15_000);
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await feedback?.stop();
  });

  it.each([
    ['auditor', 'unit-head'],
    ['unit-head', 'auditor'],
    ['training-officer', 'unit-head'],
    ['unit-head', 'training-officer'],
  ])('roles [%s, %s] as head of DINSOS: the DINKES unit’s responses without comments or contacts', async (...roles) => {
    const res = await read(await gateway.auth.token({ roles, unit: 'DINSOS', sub: `mixed-${roles.join('-')}` }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ unitCode, personalIncluded: false });
    expect((res.body as { items: unknown[] }).items).toHaveLength(1);
    const body = JSON.stringify(res.body);
    expect([body.includes(comment), body.includes(contact)]).toEqual([false, false]);
  });

  it('the same roles as head of DINKES, and an admin, read them', async () => {
    for (const token of [
      await gateway.auth.token({ roles: ['auditor', 'unit-head'], unit: 'DINKES' }),
      await gateway.auth.token({ roles: ['training-officer', 'unit-head'], unit: 'DINKES' }),
      await gateway.auth.token({ roles: ['admin'] }),
    ]) {
      const res = await read(token);
      expect(res.body).toMatchObject({ personalIncluded: true });
      expect(JSON.stringify(res.body)).toContain(comment);
      expect(JSON.stringify(res.body)).toContain(contact);
    }
  });
});
