import { ConfigError, loadConfig, ServiceConfig } from './index';

const env = (PORT: string) => ({
  PORT,
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kompeten_enrolment',
  KAFKA_BROKERS: '127.0.0.1:9092',
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
