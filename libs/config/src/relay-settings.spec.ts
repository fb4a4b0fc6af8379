import { ConfigError, loadConfig, ServiceConfig } from './index';

const env = {
  PORT: '0',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kompeten_enrolment',
  KAFKA_BROKERS: '127.0.0.1:9092',
  INTERNAL_IDENTITY_JWKS: '{"keys":[]}',
};

describe('the RELAY_MAX_BATCH_BYTES setting', () => {
  it('defaults below the broker’s default max.message.bytes (1 048 588)', () => {
    expect(loadConfig(ServiceConfig, env).RELAY_MAX_BATCH_BYTES).toBe(900_000);
  });

  it('takes a smaller cap for a broker that accepts less', () => {
    expect(loadConfig(ServiceConfig, { ...env, RELAY_MAX_BATCH_BYTES: '500000' }).RELAY_MAX_BATCH_BYTES).toBe(500_000);
  });

  it.each(['0', '-1', 'a lot', '900000.5'])('refuses %s, naming RELAY_MAX_BATCH_BYTES', (value) => {
    const load = () => loadConfig(ServiceConfig, { ...env, RELAY_MAX_BATCH_BYTES: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/RELAY_MAX_BATCH_BYTES must be/);
  });
});
