import type { INestApplication } from '@nestjs/common';
import { exportJWK, generateKeyPair, type JWK, SignJWT, UnsecuredJWT } from 'jose';
import { httpOf, type TestAuth } from '@kompeten/testing';
import { roleTokens, startGateway } from '../../services/gateway/test/gateway-app';
import { SECURITY_HEADERS } from './support/security-headers';

// Tokens an attacker can make — unsigned (`alg: none`), signed by a key the gateway does not trust
// (even under the trusted key's id, or carrying its own key in the header), signed with HMAC using
// the public key as the secret — are refused with 401 on reads and commands, before anything is
// forwarded (the services are unreachable here: a forwarded request would answer 503). Every
// answer of the gateway carries helmet's security headers (the services' are checked in
// secrets-in-logs.int-spec.ts, where they run as processes).
describe('tokens the gateway must refuse, and security headers', () => {
  let gateway: { app: INestApplication; auth: TestAuth; stop: () => Promise<void> };
  let admin: string;
  let forged: Record<string, string>;
  const api = () => httpOf(gateway.app);
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    gateway = await startGateway();
    admin = (await roleTokens(gateway.auth)).admin;
    const claims = { roles: ['admin'], sub: 'intruder' };
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const [, realPayload, realSignature] = admin.split('.');
    const attacker = await generateKeyPair('ES256', { extractable: true });
    const sign = (header: Record<string, unknown>, key: Parameters<SignJWT['sign']>[0], audience = 'kompeten') =>
      new SignJWT(claims)
        .setProtectedHeader(header as { alg: string })
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key);
    const trustedPublic = (JSON.parse(gateway.auth.jwks) as { keys: JWK[] }).keys[0];
    forged = {
      'alg none': new UnsecuredJWT(claims).setAudience('kompeten').setIssuedAt().setExpirationTime('1h').encode(),
      'alg none over a real token': `${b64({ alg: 'none', typ: 'JWT', kid: 'test-key' })}.${realPayload}.${realSignature}`,
      'a real token without its signature': `${admin.split('.')[0]}.${realPayload}.`,
      'an unknown key under the trusted key id': await sign({ alg: 'ES256', kid: 'test-key' }, attacker.privateKey),
      'an unknown key and key id': await sign({ alg: 'ES256', kid: 'attacker-key' }, attacker.privateKey),
      'an unknown key embedded in the header': await sign(
        { alg: 'ES256', jwk: await exportJWK(attacker.publicKey) },
        attacker.privateKey,
      ),
      'HS256 keyed with the trusted public key': await sign(
        { alg: 'HS256', kid: 'test-key' },
        new TextEncoder().encode(JSON.stringify(trustedPublic)),
      ),
      'an expired token': await gateway.auth.token({ roles: ['admin'] }, { expiresIn: '-1h' }),
      'another audience': await gateway.auth.token({ roles: ['admin'] }, { audience: 'someone-else' }),
    };
  }, 180_000);
  afterAll(async () => {
    await gateway?.stop();
  });

  it('refuses every forged token with 401 problem+json, on a read and on a command', async () => {
    const answers: Record<string, number[]> = {};
    for (const [name, token] of Object.entries(forged)) {
      const read = await api().get('/api/v1/units/DINKES/summary').set(bearer(token));
      const command = await api()
        .post('/api/v1/staff')
        .set(bearer(token))
        .send({
          nip: '198609262015051001',
          name: 'Penyusup',
          employmentType: 'PNS',
          workUnit: { opd: 'DINKES' },
          position: 'Perawat',
        });
      answers[name] = [read.status, command.status];
      expect(read.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect(answers).toEqual(Object.fromEntries(Object.keys(forged).map((name) => [name, [401, 401]])));
    // The control: the real token gets through the gateway (to a service that is not there).
    await api().get('/api/v1/units/DINKES/summary').set(bearer(admin)).expect(503);
  });

  it('sends the security headers on every kind of answer of the gateway', async () => {
    for (const res of [
      await api().get('/health'),
      await api().get('/api/v1/public/scorecards').query({ period: '2026-Q1' }),
      await api().get('/api/v1/units/DINKES/summary'), // 401
      await api().get('/api/v1/no-such-route'), // 404
      await api().post('/api/v1/staff').set(bearer(admin)).send({}), // 400
    ]) {
      expect(res.headers).toMatchObject(SECURITY_HEADERS);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
