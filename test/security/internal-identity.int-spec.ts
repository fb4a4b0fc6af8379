import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EventStore } from '@kompeten/event-store';
import { IDENTITY_HEADER, identitySigningKeyFrom, InternalIdentity, signIdentity } from '@kompeten/platform';
import { httpOf, identityHeader, internalIdentityEnv } from '@kompeten/testing';
import { runTag, startFeedbackApp, unitBody } from '../../services/feedback/test/feedback-app';

// A service answers only calls the gateway signed for it, for that very request, recently; the actor in
// its log comes from that signature, never from a header a caller merely sets. Before issue 21 every
// request below that expects 401 was answered — with citizens' comments, or by appending under any actor.

const trusted = identitySigningKeyFrom(internalIdentityEnv().INTERNAL_IDENTITY_SIGNING_KEY);
const attacker = (() => {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { kid: trusted.kid, key: privateKey }; // the trusted key id, another key
})();
const officer: InternalIdentity = { actor: 'training-officer:siti', roles: ['training-officer'], correlationId: '' };
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('a service trusts only the identity the gateway signed', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let store: EventStore;
  const raw = () => request(app.getHttpServer() as Server);
  const tag = runTag();
  const UNIT = `PKM-${tag}`;
  const responses = `/service-units/${UNIT}/responses?includePersonal=true`;

  const token = (
    over: { key?: typeof trusted; audience?: string; method?: string; url?: string; now?: number } = {},
    identity: InternalIdentity = { ...officer, correlationId: randomUUID() },
  ) =>
    signIdentity(
      over.key ?? trusted,
      identity,
      { audience: over.audience ?? 'feedback', method: over.method ?? 'GET', url: over.url ?? responses },
      over.now,
    );

  beforeAll(async () => {
    ({ app, stop } = await startFeedbackApp());
    store = app.get(EventStore);
    await httpOf(app).post('/service-units').send(unitBody(UNIT)).expect(201);
  });
  afterAll(() => stop());

  const refusals: [string, () => Record<string, string>][] = [
    ['no identity at all', () => ({})],
    ['only an x-actor header', () => ({ 'x-actor': 'admin:mallory' })],
    [
      'an identity signed by another key under the trusted key id',
      () => ({ [IDENTITY_HEADER]: token({ key: attacker }) }),
    ],
    ['an identity for another service', () => ({ [IDENTITY_HEADER]: token({ audience: 'budget' }) })],
    ['an identity for another path', () => ({ [IDENTITY_HEADER]: token({ url: `/service-units/${UNIT}/scorecard` }) })],
    [
      'an identity for the same path without includePersonal',
      () => ({ [IDENTITY_HEADER]: token({ url: `/service-units/${UNIT}/responses` }) }),
    ],
    ['an identity for another method', () => ({ [IDENTITY_HEADER]: token({ method: 'POST' }) })],
    ['an expired identity', () => ({ [IDENTITY_HEADER]: token({ now: Math.floor(Date.now() / 1000) - 600 }) })],
    [
      'an unsigned identity (alg none)',
      () => ({
        [IDENTITY_HEADER]: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: 'kompeten-gateway', aud: 'feedback', sub: 'admin:x', exp: 9e9, iat: Math.floor(Date.now() / 1000), roles: ['admin'], cid: 'c', htm: 'GET', htu: responses })}.`,
      }),
    ],
    ['a truncated signature', () => ({ [IDENTITY_HEADER]: token().slice(0, -6) })],
  ];

  it.each(refusals)('refuses a read of citizens’ personal data with %s (401 problem+json)', async (_, headers) => {
    const res = await raw().get(responses).set(headers());
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(res.body)).not.toMatch(/"comment"|"contact"/);
  });

  it('refuses a command without a valid identity and appends nothing', async () => {
    const before = (await store.head()).position;
    for (const headers of [
      {},
      { 'x-actor': 'admin:mallory' },
      { [IDENTITY_HEADER]: token({ key: attacker, method: 'POST', url: '/service-units' }) },
    ]) {
      const res = await raw()
        .post('/service-units')
        .set(headers)
        .send(unitBody(`${UNIT}-X`));
      expect(res.status).toBe(401);
    }
    expect((await store.head()).position).toBe(before);
  });

  it('writes the signed actor into the log, not the x-actor a caller adds', async () => {
    const correlationId = randomUUID();
    await raw()
      .post('/service-units')
      .set('x-actor', 'admin:mallory')
      .set('x-correlation-id', 'forged-correlation')
      .set(identityHeader('feedback', 'POST', '/service-units', officer, correlationId))
      .send(unitBody(`${UNIT}-B`))
      .expect(201);
    const [registered] = await store.readStream(`service-unit-${UNIT}-B`);
    expect(registered.metadata).toMatchObject({ actor: 'training-officer:siti', correlationId });
  });

  it('answers with a valid identity (the refusals are not vacuous)', async () => {
    const res = await raw()
      .get(responses)
      .set({ [IDENTITY_HEADER]: token() })
      .expect(200);
    expect(res.body).toHaveProperty('items');
  });

  it('keeps the operators’ routes for the admin role', async () => {
    const list = '/admin/projections';
    await raw()
      .get(list)
      .set({ [IDENTITY_HEADER]: token({ url: list }) })
      .expect(403);
    await raw().post('/admin/projections/anything/rebuild').expect(401);
    const admin = { actor: 'admin:ops', roles: ['admin'], correlationId: randomUUID() };
    const res = await raw()
      .get(list)
      .set({ [IDENTITY_HEADER]: token({ url: list }, admin) })
      .expect(200);
    expect(Array.isArray(res.body)).toBe(true);
  });

  it('leaves the probes and the metrics scraper without an identity', async () => {
    await raw().get('/health').expect(200);
    await raw().get('/metrics').expect(200);
  });
});
