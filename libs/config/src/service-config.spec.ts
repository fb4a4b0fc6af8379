import { ConfigError, GatewayConfig, loadConfig, ServiceConfig } from './index';

const env = (PORT: string) => ({
  PORT,
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kompeten_enrolment',
  KAFKA_BROKERS: '127.0.0.1:9092',
  INTERNAL_IDENTITY_JWKS: '{"keys":[]}',
});

describe('the PORT setting', () => {
  it('accepts 0, which lets the OS pick a free port (the service reports the one it got)', () => {
    expect(loadConfig(ServiceConfig, env('0')).PORT).toBe(0);
  });

  it.each(['-1', '65536', '3000.5'])('refuses %s, naming PORT', (port) => {
    expect(() => loadConfig(ServiceConfig, env(port))).toThrow(ConfigError);
    expect(() => loadConfig(ServiceConfig, env(port))).toThrow(/PORT must be/);
  });
});

describe('the CITY_TIME_ZONE setting', () => {
  it('defaults to WIB (Asia/Jakarta)', () => {
    expect(loadConfig(ServiceConfig, env('0')).CITY_TIME_ZONE).toBe('Asia/Jakarta');
  });

  it('takes a WITA or WIT city’s zone', () => {
    expect(loadConfig(ServiceConfig, { ...env('0'), CITY_TIME_ZONE: 'Asia/Makassar' }).CITY_TIME_ZONE).toBe(
      'Asia/Makassar',
    );
  });

  it('refuses a zone the runtime does not know, naming CITY_TIME_ZONE', () => {
    expect(() => loadConfig(ServiceConfig, { ...env('0'), CITY_TIME_ZONE: 'WIB+7' })).toThrow(/CITY_TIME_ZONE must be/);
  });
});

describe('the settings that keep a service to its callers', () => {
  it('listens on the loopback interface unless HOST says otherwise', () => {
    expect(loadConfig(ServiceConfig, env('0')).HOST).toBe('127.0.0.1');
    expect(loadConfig(ServiceConfig, { ...env('0'), HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('refuses to start a service without the gateway’s public keys, naming INTERNAL_IDENTITY_JWKS', () => {
    const { INTERNAL_IDENTITY_JWKS: _, ...without } = env('0');
    expect(() => loadConfig(ServiceConfig, without)).toThrow(/INTERNAL_IDENTITY_JWKS is required/);
  });

  it('refuses to start the gateway without its signing key, and does not ask it for public keys', () => {
    const gateway = {
      ...env('0'),
      INTERNAL_IDENTITY_JWKS: undefined,
      ENROLMENT_URL: 'http://127.0.0.1:3001',
      ASSESSMENT_URL: 'http://127.0.0.1:3002',
      BUDGET_URL: 'http://127.0.0.1:3003',
      FEEDBACK_URL: 'http://127.0.0.1:3004',
      AUTH_LOCAL_JWKS: '{"keys":[]}',
    };
    expect(() => loadConfig(GatewayConfig, gateway)).toThrow(/INTERNAL_IDENTITY_SIGNING_KEY is required/);
    expect(() => loadConfig(GatewayConfig, gateway)).not.toThrow(/INTERNAL_IDENTITY_JWKS/);
    expect(
      loadConfig(GatewayConfig, { ...gateway, INTERNAL_IDENTITY_SIGNING_KEY: '{}' }).INTERNAL_IDENTITY_JWKS,
    ).toBeUndefined();
  });
});
