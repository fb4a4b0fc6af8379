import { randomUUID } from 'node:crypto';
import os from 'node:os';
import http from 'node:http';
import { Client } from 'pg';
import { createTestAuth } from '@kompeten/testing';
import { Benchmark, BenchContext, Figure, sized } from '../harness/benchmark';
import { now, paired, processCpuSeconds } from '../harness/measure';
import { median } from '../harness/stats';
import { createEmptyDatabase, whileServerBusy } from '../support/databases';
import { ReplicatedProcess, startReplicatedProcess } from '../servers/replicated-service';

const NOWHERE = 'http://127.0.0.1:9';
const SCORES = { u1: 3, u2: 4, u3: 3, u4: 3, u5: 4, u6: 4, u7: 3, u8: 3, u9: 4 };

/** The gateway and feedback, each as N processes behind its port (as `npm start -- --replicas N`), on throwaway databases. */
async function startStack(replicas: number) {
  const dbs = await Promise.all([
    createEmptyDatabase(`replicas${replicas}_fb`),
    createEmptyDatabase(`replicas${replicas}_gw`),
  ]);
  const auth = await createTestAuth();
  const processes: ReplicatedProcess[] = [];
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await Promise.all(dbs.map((d) => d.drop()));
  };
  try {
    // The shared Postgres has 100 connections for everyone: small pools (the same per replica at 1 and 2).
    const common = { DATABASE_POOL_MAX: '5', KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092' };
    const feedback = await startReplicatedProcess('feedback', replicas, { ...common, DATABASE_URL: dbs[0].url });
    processes.push(feedback);
    const gateway = await startReplicatedProcess('gateway', replicas, {
      ...common,
      DATABASE_URL: dbs[1].url,
      AUTH_LOCAL_JWKS: auth.jwks,
      FEEDBACK_URL: feedback.url,
      ENROLMENT_URL: NOWHERE,
      ASSESSMENT_URL: NOWHERE,
      BUDGET_URL: NOWHERE,
      RATE_LIMIT_PER_MINUTE: '1000000000', // load is measured, not refused
    });
    processes.push(gateway);
    const unit = `PKM-R${replicas}${Date.now().toString(36).slice(-4).toUpperCase()}`;
    const registered = await fetch(`${gateway.url}/api/v1/service-units`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await auth.token({ roles: ['training-officer'] })}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        unitCode: unit,
        name: `Puskesmas ${unit}`,
        opd: 'DINKES',
        kind: 'puskesmas',
        annualServiceUsers: 400,
        services: [{ code: 'POLI-UMUM', name: 'Poli umum' }],
      }),
    });
    if (registered.status !== 201)
      throw new Error(`registering the unit: ${registered.status} ${await registered.text()}`);
    return {
      replicas,
      gateway,
      feedback,
      unit,
      kiosk: await auth.token({ roles: ['kiosk'] }),
      databases: dbs.map((d) => d.name),
      stop,
    };
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }
}
type Stack = Awaited<ReturnType<typeof startStack>>;

/** Process ids of the Postgres backends serving these databases. */
async function backends(databases: string[]): Promise<number[]> {
  const c = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await c.connect();
  try {
    const { rows } = await c.query<{ pid: number }>('select pid from pg_stat_activity where datname = any($1)', [
      databases,
    ]);
    return rows.map((r) => r.pid);
  } finally {
    await c.end();
  }
}

/** CPU seconds so far of each side; Postgres: the backends serving the stack's databases now. */
const cpuOf = async (stack: Stack) => {
  const own = process.cpuUsage();
  return {
    gateway: processCpuSeconds(stack.gateway.pids()),
    feedback: processCpuSeconds(stack.feedback.pids()),
    postgres: processCpuSeconds(await backends(stack.databases)),
    loadGenerator: (own.user + own.system) / 1e6,
  };
};

/**
 * `connections` kiosks, each sending its next response as soon as the last is answered, over
 * keep-alive connections (node:http: the cheapest client at hand, the load generator shares the
 * cores). Counts answers by status (a network error counts as `error`); returns the seconds it ran.
 */
async function closedLoop(
  stack: Stack,
  connections: number,
  until: { seconds: number } | { amount: number },
  answers: Record<string, number>,
): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL('/api/v1/survey-responses', stack.gateway.url);
  const start = now();
  let sent = 0;
  const more = () => ('seconds' in until ? now() - start < until.seconds * 1000 : sent < until.amount);
  const submit = () =>
    new Promise<string>((resolve) => {
      const submissionId = randomUUID();
      const body = JSON.stringify({
        submissionId,
        unitCode: stack.unit,
        serviceCode: 'POLI-UMUM',
        servedOn: '2026-02-10',
        channel: 'kiosk',
        scores: SCORES,
      });
      const req = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${stack.kiosk}`,
            'idempotency-key': `kiosk-${submissionId}`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(String(res.statusCode)));
        },
      );
      req.on('error', () => resolve('error'));
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (more()) {
        sent++;
        const status = await submit();
        answers[status] = (answers[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (now() - start) / 1000;
  agent.destroy();
  return seconds;
}

export const replicas: Benchmark = {
  name: 'replicas',
  description:
    'kiosk survey responses through the gateway, closed loop: 2 replicas of the gateway and of feedback (separate processes, one port each) vs 1',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { runs, seconds, connections, amount } = sized(ctx, {
      full: { runs: 4, seconds: 8, connections: 32, amount: undefined },
      smoke: { runs: 1, seconds: 1, connections: 4, amount: 20 },
    });
    const one = await whileServerBusy(() => startStack(1), 10);
    let two: Stack | undefined;
    try {
      two = await whileServerBusy(() => startStack(2), 10);
      const cpu: Record<1 | 2, Record<string, number>[]> = { 1: [], 2: [] };
      const load = async (stack: Stack, duration: number, record = true) => {
        const before = await cpuOf(stack);
        const answers: Record<string, number> = {};
        const elapsed = await closedLoop(stack, connections, amount ? { amount } : { seconds: duration }, answers);
        if (Object.keys(answers).some((s) => s !== '201'))
          throw new Error(`${stack.replicas} replica(s) answered ${JSON.stringify(answers)}`);
        const after = await cpuOf(stack);
        const commands = answers['201'] ?? 0;
        if (record)
          cpu[stack.replicas as 1 | 2].push(
            Object.fromEntries(
              Object.keys(after).map((k) => [
                k,
                Math.round(((after[k as keyof typeof after] - before[k as keyof typeof before]) * 1e6) / commands),
              ]),
            ),
          );
        return commands / elapsed;
      };
      await load(one, 2, false); // warm-up: JIT, pools, keep-alive connections
      await load(two, 2, false);
      const loadAverage = os.loadavg()[0];
      const r = await paired(
        runs,
        () => load(two!, seconds),
        () => load(one, seconds),
      );
      const perCommand = (n: 1 | 2) =>
        Object.fromEntries(Object.keys(cpu[n][0] ?? {}).map((k) => [k, median(cpu[n].map((c) => c[k]))]));
      const figure: Figure = {
        benchmark: this.name,
        label: `commands/s, gateway ×2 + feedback ×2 (processes), ${connections} in flight`,
        unit: 'req/s',
        value: median(r.subject),
        samples: r.subject,
        baseline: { label: 'gateway ×1 + feedback ×1', value: median(r.baseline), samples: r.baseline },
        ratio: median(r.ratios),
        diagnostics: {
          cpuUsPerCommand: { oneReplica: perCommand(1), twoReplicas: perCommand(2) },
          cores: os.cpus().length,
          loadAverageAtStart: loadAverage,
          loadGenerator: 'autocannon in the benchmark process, on the same machine',
        },
        note: `${os.cpus().length} cores shared by the load generator, both services' processes and Postgres`,
      };
      ctx.log(
        `  1 replica ${median(r.baseline).toFixed(0)}/s, 2 replicas ${median(r.subject).toFixed(0)}/s; µs CPU per command: ${JSON.stringify(figure.diagnostics!.cpuUsPerCommand)}`,
      );
      return [figure];
    } finally {
      await two?.stop();
      await one.stop();
    }
  },
};
