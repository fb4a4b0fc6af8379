import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, GatewayConfig, loadConfig, ServiceConfig } from './index';

const service = {
  PORT: '0',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kompeten_enrolment',
  KAFKA_BROKERS: '127.0.0.1:9092',
  INTERNAL_IDENTITY_JWKS: '{"keys":[]}',
};
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(ServiceConfig, env);
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems;
  }
};

describe('the PERSONAL_DATA_KEK setting (the key-encryption key of personal data keys)', () => {
  const kek = randomBytes(32).toString('base64');

  it('is required in production: a missing KEK is a configuration error naming it', () => {
    expect(problemsOf({ ...service, NODE_ENV: 'production' })).toEqual([
      { setting: 'PERSONAL_DATA_KEK', message: expect.stringContaining('required in production') as unknown },
    ]);
    expect(
      loadConfig(ServiceConfig, { ...service, NODE_ENV: 'production', PERSONAL_DATA_KEK: kek }).PERSONAL_DATA_KEK,
    ).toBe(kek);
  });

  it('may be left out in development (the services then use the public development KEK)', () => {
    const config = loadConfig(ServiceConfig, service);
    expect(config.PERSONAL_DATA_KEK).toBeUndefined();
    expect(config.PERSONAL_DATA_KEK_ID).toBe('kek-1');
  });

  it('takes a file holding the key (a mounted secret) and refuses anything but 32 bytes in base64', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kek-')), 'kek');
    fs.writeFileSync(file, `${kek}\n`);
    expect(problemsOf({ ...service, NODE_ENV: 'production', PERSONAL_DATA_KEK: file })).toEqual([]);
    for (const wrong of [randomBytes(16).toString('base64'), '/no/such/file'])
      expect(problemsOf({ ...service, PERSONAL_DATA_KEK: wrong }).map((p) => p.setting)).toEqual(['PERSONAL_DATA_KEK']);
  });

  it('names a wrong KEK id or retired list', () => {
    expect(
      problemsOf({ ...service, PERSONAL_DATA_KEK_ID: 'kek 2', PERSONAL_DATA_KEK_RETIRED: 'no-id-here' }).map(
        (p) => p.setting,
      ),
    ).toEqual(['PERSONAL_DATA_KEK_ID', 'PERSONAL_DATA_KEK_RETIRED']);
  });

  it('is not asked of the gateway, which keeps no personal data keys', () => {
    expect(() =>
      loadConfig(GatewayConfig, {
        ...service,
        NODE_ENV: 'production',
        ENROLMENT_URL: 'http://e',
        ASSESSMENT_URL: 'http://a',
        BUDGET_URL: 'http://b',
        FEEDBACK_URL: 'http://f',
      }),
    ).not.toThrow(/PERSONAL_DATA_KEK/);
  });
});
