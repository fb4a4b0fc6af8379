import { ConfigError, GatewayConfig, loadConfig, ServiceConfig } from './index';

const valid = {
  PORT: '3001',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kompeten_enrolment',
  KAFKA_BROKERS: '127.0.0.1:9092',
  INTERNAL_IDENTITY_JWKS: '{"keys":[]}',
};

describe('loadConfig', () => {
  it('reads a complete environment into typed settings', () => {
    const config = loadConfig(ServiceConfig, valid);
    expect(config.PORT).toBe(3001);
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('names a missing setting', () => {
    const { DATABASE_URL: _omitted, ...env } = valid;
    expect(() => loadConfig(ServiceConfig, env)).toThrow(/DATABASE_URL/);
  });

  it('names every wrong setting at once', () => {
    try {
      loadConfig(ServiceConfig, { ...valid, PORT: 'eighty', KAFKA_BROKERS: 'kafka', LOG_LEVEL: 'loud' });
      fail('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems.map((p) => p.setting).sort()).toEqual(['KAFKA_BROKERS', 'LOG_LEVEL', 'PORT']);
    }
  });

  it('lets defaults fill what the environment leaves out', () => {
    const { PORT: _omitted, ...env } = valid;
    expect(loadConfig(ServiceConfig, env, { PORT: '3003' }).PORT).toBe(3003);
  });

  it('requires the gateway to know where each service lives', () => {
    expect(() => loadConfig(GatewayConfig, { ...valid, ENROLMENT_URL: 'http://127.0.0.1:3001' })).toThrow(
      /ASSESSMENT_URL/,
    );
  });

  it('requires the gateway to know whose tokens to trust, from a JWKS URL or local keys', () => {
    const urls = {
      ENROLMENT_URL: 'http://e',
      ASSESSMENT_URL: 'http://a',
      BUDGET_URL: 'http://b',
      FEEDBACK_URL: 'http://f',
      INTERNAL_IDENTITY_SIGNING_KEY: '{}',
    };
    expect(() => loadConfig(GatewayConfig, { ...valid, ...urls })).toThrow(/AUTH_LOCAL_JWKS/);
    expect(
      loadConfig(GatewayConfig, { ...valid, ...urls, AUTH_JWKS_URL: 'https://sso.bukittinggi.go.id/certs' })
        .DOWNSTREAM_TIMEOUT_MS,
    ).toBe(5000);
  });
});
