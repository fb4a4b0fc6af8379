import type { INestApplication } from '@nestjs/common';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { httpOf } from '@kompeten/testing';
import { startGateway } from '../../services/gateway/test/gateway-app';

type Alg = 'ES256' | 'ES384';

/** An identity provider of the test's own: it can leave out any claim, and sign with ES256 or ES384. */
async function identityProvider() {
  const keys = {
    ES256: await generateKeyPair('ES256', { extractable: true }),
    ES384: await generateKeyPair('ES384', { extractable: true }),
  };
  const jwks = JSON.stringify({
    keys: await Promise.all(
      (Object.keys(keys) as Alg[]).map(async (alg) => ({
        ...(await exportJWK(keys[alg].publicKey)),
        kid: alg,
        alg,
        use: 'sig',
      })),
    ),
  });
  const sign = (
    claims: JWTPayload,
    { alg = 'ES256', exp = true, sub = 'someone' }: { alg?: Alg; exp?: boolean; sub?: string | false } = {},
  ) => {
    let jwt = new SignJWT(claims).setProtectedHeader({ alg, kid: alg }).setAudience('kompeten').setIssuedAt();
    if (exp) jwt = jwt.setExpirationTime('1h');
    if (sub !== false) jwt = jwt.setSubject(sub);
    return jwt.sign(keys[alg].privateKey);
  };
  return { jwks, sign };
}

// Tokens a real identity provider could issue, or an attacker holding one, that the gateway must
// not take at face value: one that never expires or names nobody, one signed with an algorithm not
// configured, a role "list" that is a string, and realm-wide roles where the client's own are meant.
// The services are unreachable here: a request let through answers 503, one refused 401 or 403.
describe('what a token must say to be accepted, and the roles it grants', () => {
  let gateway: { app: INestApplication; stop: () => Promise<void> };
  let clientGateway: { app: INestApplication; stop: () => Promise<void> };
  let idp: Awaited<ReturnType<typeof identityProvider>>;
  const summary = (app: INestApplication, token: string) =>
    httpOf(app).get('/api/v1/units/DINKES/summary').set('Authorization', `Bearer ${token}`);
  const enrolStaff = (app: INestApplication, token: string) =>
    httpOf(app)
      .post('/api/v1/staff')
      .set('Authorization', `Bearer ${token}`)
      .send({
        nip: '198609262015051001',
        name: 'Siti',
        employmentType: 'PNS',
        workUnit: { opd: 'DINKES' },
        position: 'Perawat',
      });

  beforeAll(async () => {
    idp = await identityProvider();
    [gateway, clientGateway] = await Promise.all([
      startGateway({}, { AUTH_LOCAL_JWKS: idp.jwks }),
      startGateway({}, { AUTH_LOCAL_JWKS: idp.jwks, AUTH_CLIENT_ID: 'kompeten' }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([gateway?.stop(), clientGateway?.stop()]);
  });

  it('refuses with 401 a token without `exp` (it would never expire) or without `sub` (it names nobody)', async () => {
    const answers = {
      complete: (await summary(gateway.app, await idp.sign({ roles: ['admin'] }))).status,
      'without exp': (await summary(gateway.app, await idp.sign({ roles: ['admin'] }, { exp: false }))).status,
      'without sub': (await summary(gateway.app, await idp.sign({ roles: ['admin'] }, { sub: false }))).status,
    };
    expect(answers).toEqual({ complete: 503, 'without exp': 401, 'without sub': 401 });
    const refused = await summary(gateway.app, await idp.sign({ roles: ['admin'] }, { exp: false }));
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(JSON.stringify(refused.body)).toMatch(/exp/);
  });

  it('accepts only the configured algorithms (default RS256, ES256, EdDSA): an ES384 token is refused', async () => {
    expect((await summary(gateway.app, await idp.sign({ roles: ['admin'] }, { alg: 'ES384' }))).status).toBe(401);
  });

  it('reads roles only from an array of strings: `roles: "admin"` grants nothing', async () => {
    expect((await summary(gateway.app, await idp.sign({ roles: 'admin' }))).status).toBe(403);
    expect((await enrolStaff(gateway.app, await idp.sign({ roles: 'admin' }))).status).toBe(403);
    expect((await summary(gateway.app, await idp.sign({ realm_access: { roles: 'admin' } }))).status).toBe(403);
  });

  it('with AUTH_CLIENT_ID, takes the client’s own roles (resource_access.<client>.roles), not the realm’s', async () => {
    const realmAdminClientAuditor = await idp.sign({
      roles: ['admin'],
      realm_access: { roles: ['admin'] },
      resource_access: { kompeten: { roles: ['auditor'] }, 'other-app': { roles: ['admin'] } },
    });
    // An auditor reads, and writes nothing.
    expect((await summary(clientGateway.app, realmAdminClientAuditor)).status).toBe(503);
    expect((await enrolStaff(clientGateway.app, realmAdminClientAuditor)).status).toBe(403);
    const realmAdminOnly = await idp.sign({ realm_access: { roles: ['admin'] } });
    expect((await summary(clientGateway.app, realmAdminOnly)).status).toBe(403);
  });
});
