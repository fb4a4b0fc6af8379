import { ChildProcess, execFileSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { createTestAuth, createTestDatabase, eventually, TestDatabase, testBrokers } from '@kompeten/testing';
import { ServiceName, spawnCompiledService } from '../support/compiled-service';

// One enrolment is one trace: gateway → enrolment → (Kafka) budget → (Kafka) enrolment, with the
// real compiled services exporting OTLP/JSON to a collector this test runs.
const root = path.resolve(__dirname, '..', '..');
/** The part of an OTLP/JSON trace export this test reads. */
interface OtlpExport {
  resourceSpans?: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: { traceId: string; name: string }[] }[];
  }[];
}
interface Span {
  service: string;
  traceId: string;
  name: string;
}

describe('tracing across HTTP and Kafka', () => {
  const spans: Span[] = [];
  const children: ChildProcess[] = [];
  const dbs: TestDatabase[] = [];
  let collector: http.Server;

  beforeAll(async () => {
    execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-b', 'tsconfig.build.json'], { cwd: root });
    collector = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        try {
          for (const rs of (JSON.parse(body) as OtlpExport).resourceSpans ?? []) {
            const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
            for (const ss of rs.scopeSpans ?? [])
              for (const s of ss.spans ?? []) spans.push({ service, traceId: s.traceId, name: s.name });
          }
        } catch {
          /* not JSON: ignore */
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
  }, 120000);
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    for (const db of dbs) await db.drop();
    collector.close();
  });

  it('follows one enrolment from the gateway through the budget and back', async () => {
    const auth = await createTestAuth();
    const otel = {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '200',
    };
    const ports: Partial<Record<ServiceName, number>> = {};
    const start = async (service: ServiceName, env: Record<string, string> = {}) => {
      const db = await createTestDatabase(`trace_${service}`);
      dbs.push(db);
      const run = spawnCompiledService(service, {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: testBrokers().join(','),
        LOG_LEVEL: 'warn',
        ...otel,
        ...env,
      });
      children.push(run.child);
      const port = (ports[service] = await run.port);
      await eventually(
        async () => ((await fetch(`http://127.0.0.1:${port}/ready`).catch(() => undefined))?.ok ? true : undefined),
        60000,
      );
    };
    await Promise.all([start('enrolment'), start('budget')]);
    await start('gateway', {
      ENROLMENT_URL: `http://127.0.0.1:${ports.enrolment!}`,
      BUDGET_URL: `http://127.0.0.1:${ports.budget!}`,
      ASSESSMENT_URL: 'http://127.0.0.1:9',
      FEEDBACK_URL: 'http://127.0.0.1:9',
      AUTH_LOCAL_JWKS: auth.jwks,
    });

    const token = await auth.token({ roles: ['training-officer'] });
    const tag = Date.now().toString(36);
    const opd = `TRACE-${tag.toUpperCase()}`;
    const nip = `19${80 + (Date.now() % 15)}0${1 + (Date.now() % 9)}12201001${1 + (Date.now() % 2)}${String((Date.now() % 999) + 1).padStart(3, '0')}`;
    const call = async (p: string, body: unknown) => {
      const res = await fetch(`http://127.0.0.1:${ports.gateway!}/api/v1${p}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect({ p, status: res.status }).toEqual({ p, status: 201 });
      return res.json() as Promise<Record<string, string>>;
    };
    await call('/staff', { nip, name: 'Jejak', employmentType: 'PNS', workUnit: { opd }, position: 'Analis' });
    const { budgetId } = await call('/budgets', {
      fiscalYear: new Date().getUTCFullYear(),
      opd,
      fundingSource: 'APBD',
      ceiling: 5_000_000,
    });
    await call(`/budgets/${budgetId}/allocations`, { competencyArea: 'tracing', amount: 5_000_000 });
    await call('/programmes', {
      programmeId: `trace-${tag}`,
      title: 'Tracing',
      competencyType: 'teknis',
      competencyArea: 'tracing',
      form: 'klasikal',
      jp: 8,
      costPerParticipant: 1_000_000,
      capacity: 5,
      fundingOpd: opd,
      sessions: [],
    });
    spans.length = 0;
    await call(`/programmes/trace-${tag}/enrolments`, { nip });

    const trace = await eventually(() => {
      // The enrolment request's own server span: spans of the earlier calls may still arrive (batched export).
      const gatewaySpan = spans.find(
        (s) => s.service === 'kompeten-gateway' && s.name === 'POST /api/v1/programmes/:programmeId/enrolments',
      );
      if (!gatewaySpan) return undefined;
      const inTrace = spans.filter((s) => s.traceId === gatewaySpan.traceId);
      const done =
        inTrace.some((s) => s.service === 'kompeten-budget' && /StaffEnrolled/.test(s.name)) &&
        inTrace.some((s) => s.service === 'kompeten-enrolment' && /FundsCommitted/.test(s.name));
      return done ? inTrace : undefined;
    }, 60000).catch((e: Error) => {
      throw new Error(
        `${e.message}; spans seen: ${JSON.stringify([...new Set(spans.filter((x) => !/^(pg|middleware|request handler)/.test(x.name)).map((x) => `${x.service} ${x.traceId.slice(0, 6)} ${x.name}`))].slice(0, 60))}`,
      );
    });
    expect(new Set(trace.map((s) => s.service))).toEqual(
      new Set(['kompeten-gateway', 'kompeten-enrolment', 'kompeten-budget']),
    );
  }, 180000);
});
