import {
  createTestAuth,
  createTestDatabase,
  eventually,
  identityHeader,
  TestDatabase,
  testBrokers,
} from '@kompeten/testing';
import { CompiledService, ServiceName, spawnCompiledService } from '../support/compiled-service';

// The real deployables, as `npm start` and the Docker image run them: compiled main.js, own process,
// each on a port the OS picks (PORT=0) and reports back.
const SERVICES: ServiceName[] = ['gateway', 'enrolment', 'assessment', 'budget', 'feedback'];

const runService = (service: ServiceName, env: Record<string, string>): CompiledService =>
  spawnCompiledService(service, { LOG_LEVEL: 'info', ...env });

const gatewayUrls: Record<string, string> = {
  ENROLMENT_URL: 'http://127.0.0.1:1',
  ASSESSMENT_URL: 'http://127.0.0.1:1',
  BUDGET_URL: 'http://127.0.0.1:1',
  FEEDBACK_URL: 'http://127.0.0.1:1',
};
/** What /health and /ready answer. */
interface Probe {
  status: string;
  service: string;
  checks?: Record<string, { status: string }>;
}
const getJson = async (url: string): Promise<{ status: number; body: Probe }> => {
  const r = await fetch(url);
  return { status: r.status, body: (await r.json()) as Probe };
};

describe('the five service processes', () => {
  const dbs: TestDatabase[] = [];
  const runs: CompiledService[] = [];

  beforeAll(async () => {
    gatewayUrls.AUTH_LOCAL_JWKS = (await createTestAuth()).jwks;
  }, 120000);
  afterAll(async () => {
    for (const r of runs) r.child.kill('SIGKILL');
    for (const db of dbs) await db.drop();
  });

  it('refuse to start without a required setting, naming it', async () => {
    const run = runService('enrolment', { KAFKA_BROKERS: testBrokers().join(',') });
    runs.push(run);
    expect((await run.exited).code).toBe(78);
    expect(run.output()).toMatch(/DATABASE_URL/);
  });

  it('refuse to start with a malformed setting, naming it', async () => {
    const run = runService('budget', {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x',
      KAFKA_BROKERS: 'kafka-without-port',
    });
    runs.push(run);
    expect((await run.exited).code).toBe(78);
    expect(run.output()).toMatch(/KAFKA_BROKERS/);
    expect(run.output()).not.toMatch(/DATABASE_URL/);
  });

  it('boot, migrate their own database, report ready, and stop cleanly on SIGTERM', async () => {
    const started = await Promise.all(
      SERVICES.map(async (service) => {
        const db = await createTestDatabase(service);
        dbs.push(db);
        const run = runService(service, {
          DATABASE_URL: db.url,
          KAFKA_BROKERS: testBrokers().join(','),
          ...gatewayUrls,
        });
        runs.push(run);
        return { service, port: await run.port, run };
      }),
    );
    for (const { service, port, run } of started) {
      const ready = await eventually(async () => {
        const r = await getJson(`http://127.0.0.1:${port}/ready`).catch(() => undefined);
        return r?.status === 200 ? r : undefined;
      }, 60000).catch((e: Error) => {
        throw new Error(`${service} not ready: ${e.message}\n${run.output()}`);
      });
      expect(ready.body).toMatchObject({
        status: 'ready',
        service,
        checks: { postgres: { status: 'up' }, kafka: { status: 'up' } },
      });
      expect((await getJson(`http://127.0.0.1:${port}/health`)).body).toMatchObject({ status: 'ok', service });
      // Without HOST set, a service listens on the loopback interface only (development).
      expect(run.output()).toContain(`kompeten-${service} listening on 127.0.0.1:${port}`);
    }
    // Logs are structured JSON with the service and correlation id, and never hold personal data.
    const enrolment = started.find((s) => s.service === 'enrolment')!;
    const created = await fetch(`http://127.0.0.1:${enrolment.port}/staff`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-correlation-id': 'corr-logs-1',
        ...identityHeader('enrolment', 'POST', '/staff', undefined, 'corr-logs-1'),
      },
      body: JSON.stringify({
        nip: '198609262015051001',
        name: 'Siti Rahmah Binti Logtest',
        employmentType: 'PNS',
        workUnit: { opd: 'DINKES' },
        position: 'Perawat',
      }),
    });
    expect(created.status).toBe(201);
    await eventually(() => (enrolment.run.output().includes('corr-logs-1') ? true : undefined), 10000);
    const line = enrolment.run
      .output()
      .split('\n')
      .find((l) => l.includes('corr-logs-1'))!;
    expect(JSON.parse(line)).toMatchObject({
      service: 'enrolment',
      correlationId: 'corr-logs-1',
      req: { method: 'POST', url: '/staff' },
    });
    expect(enrolment.run.output()).not.toContain('Logtest');

    for (const { run } of started) run.child.kill('SIGTERM');
    for (const { service, run } of started) {
      const { code, signal } = await run.exited;
      expect({ service, stopped: code === 0 || signal === 'SIGTERM' }).toEqual({ service, stopped: true });
      expect(run.output()).toMatch(/stopped cleanly after SIGTERM/);
    }
  }, 120000);

  it('stay alive but report not ready while Kafka is unreachable', async () => {
    const db = await createTestDatabase('notready');
    dbs.push(db);
    const run = runService('feedback', { DATABASE_URL: db.url, KAFKA_BROKERS: '127.0.0.1:1' });
    runs.push(run);
    const port = await run.port;
    const health = await eventually(() => getJson(`http://127.0.0.1:${port}/health`).catch(() => undefined), 60000);
    expect(health.status).toBe(200);
    const ready = await getJson(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toMatchObject({ postgres: { status: 'up' }, kafka: { status: 'down' } });
    run.child.kill('SIGTERM');
    await run.exited;
  }, 90000);
});
