import { ConfigError, GatewayConfig, loadConfig } from './index';

const gateway = {
  PORT: '3000',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kompeten_gateway',
  KAFKA_BROKERS: '127.0.0.1:9092',
  ENROLMENT_URL: 'http://enrolment:3001',
  ASSESSMENT_URL: 'http://assessment:3002',
  BUDGET_URL: 'http://budget:3003',
  FEEDBACK_URL: 'http://feedback:3004',
  INTERNAL_IDENTITY_SIGNING_KEY: '/run/secrets/identity.jwk.json',
};
const keycloak = {
  AUTH_JWKS_URL: 'https://sso.bukittinggi.go.id/realms/asn/protocol/openid-connect/certs',
  AUTH_ISSUER: 'https://sso.bukittinggi.go.id/realms/asn',
};
const production = { ...gateway, NODE_ENV: 'production' };

/** The problems a config has, by setting (none: it loads). */
function problems(env: Record<string, string>): Record<string, string> {
  try {
    loadConfig(GatewayConfig, env);
    return {};
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return Object.fromEntries(e.problems.map((p) => [p.setting, p.message]));
  }
}

describe('the gateway’s token settings in production (NODE_ENV=production)', () => {
  it('accepts an https identity provider with its issuer', () => {
    expect(problems({ ...production, ...keycloak })).toEqual({});
  });

  it('refuses the local development JWKS, even beside the identity provider, naming AUTH_LOCAL_JWKS', () => {
    expect(problems({ ...production, ...keycloak, AUTH_LOCAL_JWKS: '/run/kompeten/jwks.json' })).toEqual({
      AUTH_LOCAL_JWKS: expect.stringMatching(/refused in production.*AUTH_ALLOW_LOCAL_JWKS=true/) as unknown,
    });
    expect(Object.keys(problems({ ...production, AUTH_LOCAL_JWKS: '/run/kompeten/jwks.json' }))).toContain(
      'AUTH_LOCAL_JWKS',
    );
  });

  it('takes the local JWKS only when explicitly allowed (a demo), and then needs no identity provider', () => {
    expect(
      problems({ ...production, AUTH_LOCAL_JWKS: '/run/kompeten/jwks.json', AUTH_ALLOW_LOCAL_JWKS: 'true' }),
    ).toEqual({});
    expect(
      problems({ ...production, AUTH_LOCAL_JWKS: '/run/kompeten/jwks.json', AUTH_ALLOW_LOCAL_JWKS: 'yes' }),
    ).toHaveProperty('AUTH_ALLOW_LOCAL_JWKS');
  });

  it('requires an https JWKS URL, naming AUTH_JWKS_URL', () => {
    expect(problems({ ...production, ...keycloak, AUTH_JWKS_URL: 'http://sso.bukittinggi.go.id/certs' })).toEqual({
      AUTH_JWKS_URL: expect.stringMatching(/https: URL .* in production/) as unknown,
    });
    expect(problems({ ...production, AUTH_ISSUER: keycloak.AUTH_ISSUER })).toHaveProperty('AUTH_JWKS_URL');
  });

  it('requires the issuer, naming AUTH_ISSUER', () => {
    expect(problems({ ...production, AUTH_JWKS_URL: keycloak.AUTH_JWKS_URL })).toEqual({
      AUTH_ISSUER: expect.stringMatching(/AUTH_ISSUER is required in production/) as unknown,
    });
  });

  it('keeps development as it was: local keys, an http JWKS URL, no issuer', () => {
    expect(problems({ ...gateway, AUTH_LOCAL_JWKS: '/tmp/jwks.json' })).toEqual({});
    expect(problems({ ...gateway, AUTH_JWKS_URL: 'http://127.0.0.1:8080/certs' })).toEqual({});
    expect(problems({ ...gateway, AUTH_JWKS_URL: 'ftp://sso/certs' })).toEqual({
      AUTH_JWKS_URL: 'AUTH_JWKS_URL must be an http(s) URL',
    });
  });
});

describe('the accepted signature algorithms (AUTH_ALGORITHMS)', () => {
  it('defaults to RS256, ES256 and EdDSA', () => {
    expect(loadConfig(GatewayConfig, { ...gateway, ...keycloak }).authAlgorithms).toEqual(['RS256', 'ES256', 'EdDSA']);
  });

  it('takes a list of asymmetric algorithms', () => {
    expect(
      loadConfig(GatewayConfig, { ...gateway, ...keycloak, AUTH_ALGORITHMS: ' PS256, ES384 ' }).authAlgorithms,
    ).toEqual(['PS256', 'ES384']);
  });

  it.each(['none', 'HS256', 'RS256,HS256', ','])('refuses %p, naming AUTH_ALGORITHMS', (algorithms) => {
    expect(problems({ ...gateway, ...keycloak, AUTH_ALGORITHMS: algorithms })).toEqual({
      AUTH_ALGORITHMS: expect.stringMatching(/AUTH_ALGORITHMS must be a comma-separated list of RS256/) as unknown,
    });
  });
});

describe('the edge limits', () => {
  it('default to no trusted proxy, 30 failed authentications a minute and 3 live feeds per token', () => {
    const c = loadConfig(GatewayConfig, { ...gateway, ...keycloak });
    expect([c.TRUST_PROXY_HOPS, c.AUTH_FAILURE_LIMIT_PER_MINUTE, c.LIVE_FEEDS_PER_TOKEN]).toEqual([0, 30, 3]);
  });

  it.each([
    ['TRUST_PROXY_HOPS', '-1'],
    ['TRUST_PROXY_HOPS', 'true'],
    ['AUTH_FAILURE_LIMIT_PER_MINUTE', '0'],
    ['LIVE_FEEDS_PER_TOKEN', 'many'],
  ])('refuses %s=%s, naming it', (setting, value) => {
    expect(Object.keys(problems({ ...gateway, ...keycloak, [setting]: value }))).toEqual([setting]);
  });
});
