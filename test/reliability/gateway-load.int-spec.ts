import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { createTestAuth, TestDatabase } from '@kompeten/testing';
import { post, sleep } from './support/command-stream';
import { openDb } from './support/db';
import { recordFigures, setting } from './support/figures';
import { HEAP_PROBE, heapAfterGc, mb } from './support/heap';
import { runTag } from './support/mothers';
import { startPrivateBroker } from './support/private-broker';
import { testDatabases } from './support/private-postgres';
import { ServiceProcess, startService, waitReady } from './support/service-process';

// Kiosks submit citizens' survey responses through the gateway for a bounded time (20 s in CI, a
// few minutes nightly, LOAD_SECONDS to choose), one in ten deliberately invalid. Nothing but the
// intended 400s may fail, every accepted response is in the log, and the heap after a garbage
// collection grows by less than a margin (a leak of ~2 kB per request over the nightly run would
// exceed it). No timing is asserted: the latencies are for the reader.
const SECONDS = setting('LOAD_SECONDS', 20, 180);
const CONNECTIONS = setting('LOAD_CONNECTIONS', 8, 8);
const HEAP_MARGIN_MB = setting('LOAD_HEAP_MARGIN_MB', 32, 32);
const GC = { nodeArgs: ['--expose-gc'], preload: [HEAP_PROBE] };

describe('a sustained command load through the gateway', () => {
  const unit = `PKM-LOAD-${runTag()}`;
  let dbs: TestDatabase[];
  let feedback: ServiceProcess;
  let gateway: ServiceProcess;
  let kiosk: string;

  beforeAll(async () => {
    await startPrivateBroker();
    const auth = await createTestAuth();
    const createDatabase = await testDatabases();
    dbs = await Promise.all([createDatabase('rel_load_feedback'), createDatabase('rel_load_gateway')]);
    feedback = await startService('feedback', { DATABASE_URL: dbs[0].url }, GC);
    const nowhere = 'http://127.0.0.1:9';
    gateway = await startService(
      'gateway',
      {
        DATABASE_URL: dbs[1].url,
        AUTH_LOCAL_JWKS: auth.jwks,
        FEEDBACK_URL: feedback.url,
        ENROLMENT_URL: nowhere,
        ASSESSMENT_URL: nowhere,
        BUDGET_URL: nowhere,
        RATE_LIMIT_PER_MINUTE: '100000000', // the per-token abuse limit is not what is measured here
      },
      GC,
    );
    await Promise.all([feedback, gateway].map((p) => waitReady(p)));
    kiosk = await auth.token({ roles: ['kiosk'] });
    const officer = await auth.token({ roles: ['training-officer'] });
    const registered = await post(
      `${gateway.url}/api/v1/service-units`,
      {
        unitCode: unit,
        name: 'Puskesmas uji beban',
        opd: 'DINKES',
        kind: 'puskesmas',
        annualServiceUsers: 100_000,
        services: [{ code: 'POLI-UMUM', name: 'Poli umum' }],
      },
      { Authorization: `Bearer ${officer}` },
    );
    expect(registered.status).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([gateway, feedback].map((p) => p?.stop()));
    await Promise.all((dbs ?? []).map((d) => d.drop()));
  });

  /** Survey responses from kiosks; every tenth breaks a rule (a score of 5) and must get a 400. */
  let sent = 0;
  const run = (seconds: number, answers: Record<string, number>) =>
    autocannon({
      url: gateway.url,
      connections: CONNECTIONS,
      duration: seconds,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/survey-responses',
          setupRequest: (request, context) => {
            context.invalid = ++sent % 10 === 0;
            const submissionId = randomUUID();
            return {
              ...request,
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${kiosk}`,
                'idempotency-key': `kiosk-${submissionId}`,
              },
              body: JSON.stringify({
                submissionId,
                unitCode: unit,
                serviceCode: 'POLI-UMUM',
                servedOn: '2026-02-10',
                channel: 'kiosk',
                scores: { u1: 3, u2: 4, u3: 3, u4: 3, u5: 4, u6: context.invalid ? 5 : 4, u7: 3, u8: 3, u9: 4 },
              }),
            };
          },
          onResponse: (status, _body, context) => {
            const key = `${context.invalid ? 'invalid' : 'valid'} ${status}`;
            answers[key] = (answers[key] ?? 0) + 1;
          },
        },
      ],
    });

  it(
    `holds ${SECONDS} s of survey submissions with no errors but the intended 400s, and reports the heap before and after`,
    async () => {
      await run(3, {}); // warm-up: JIT, connection pools, caches
      await sleep(3_000);
      const before = { gateway: await heapAfterGc(gateway), feedback: await heapAfterGc(feedback) };
      const answers: Record<string, number> = {};
      const result = await run(SECONDS, answers);
      await sleep(5_000);
      const after = { gateway: await heapAfterGc(gateway), feedback: await heapAfterGc(feedback) };

      const sql = openDb(dbs[0].url);
      const [{ n: appended }] = await sql.rows<{ n: number }>(
        `select count(*)::int as n from es_event where type = 'SurveyResponseSubmitted' and payload->>'unitCode' = $1`,
        [unit],
      );
      await sql.close();
      recordFigures('gateway-load', {
        seconds: SECONDS,
        connections: CONNECTIONS,
        requests: result.requests.total,
        perSecond: Math.round(result.requests.average),
        latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
        answers,
        errors: result.errors,
        timeouts: result.timeouts,
        appended,
        heapMB: {
          gateway: [mb(before.gateway), mb(after.gateway)],
          feedback: [mb(before.feedback), mb(after.feedback)],
        },
      });
      expect(result.errors).toBe(0);
      expect(Object.keys(answers).sort()).toEqual(['invalid 400', 'valid 201']);
      // Every accepted response is in the log (the warm-up's are not counted: at most 3 s × rate).
      expect(appended).toBeGreaterThanOrEqual(answers['valid 201']);
      for (const service of ['gateway', 'feedback'] as const) {
        expect({ service, grewWithinMargin: mb(after[service]) - mb(before[service]) < HEAP_MARGIN_MB }).toEqual({
          service,
          grewWithinMargin: true,
        });
      }
    },
    SECONDS * 1000 + 180_000,
  );
});
