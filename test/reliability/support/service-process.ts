import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { eventually } from '@kompeten/testing';
import { PRIVATE_BROKERS } from './private-broker';
import { ROOT } from './reaper';

export type ServiceName = 'gateway' | 'enrolment' | 'assessment' | 'budget' | 'feedback';

/** One compiled service running in its own process, as `npm start` and the image run it. */
export interface ServiceProcess {
  service: ServiceName;
  url: string;
  pid: number;
  /** Everything it wrote to stdout and stderr. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM and wait (SIGKILL after 20 s). */
  stop(): Promise<void>;
  /** SIGKILL and wait: a crash, no clean-up of any kind. */
  kill(): Promise<void>;
  metrics(): Promise<string>;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net
      .createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      })
      .on('error', reject);
  });
}

/** `npm test` builds first; a bare `npx jest` on a fresh clone builds here. */
export function ensureBuilt(): void {
  if (fs.existsSync(path.join(ROOT, 'dist/services/gateway/src/main.js'))) return;
  execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-b', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** Starts a service (Kafka: the private broker unless env says otherwise) and waits until it answers /health. */
export async function startService(
  service: ServiceName,
  env: Record<string, string>,
  options: { nodeArgs?: string[]; preload?: string[] } = {},
): Promise<ServiceProcess> {
  ensureBuilt();
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      '-r',
      './deploy/register-paths.cjs',
      ...(options.preload ?? []).flatMap((p) => ['-r', p]),
      `dist/services/${service}/src/main.js`,
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'warn',
        KAFKA_BROKERS: PRIVATE_BROKERS,
        ...env,
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const running: ServiceProcess = {
    service,
    url,
    pid: child.pid!,
    output: () => out,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    metrics: async () => (await fetch(`${url}/metrics`)).text(),
  };
  const up = eventually(
    async () => ((await fetch(`${url}/health`).catch(() => undefined))?.ok ? true : undefined),
    90_000,
    200,
  ).then(
    () => 'up',
    (e: Error) => e.message,
  );
  const outcome = await Promise.race([up, exited.then(() => 'exited')]);
  if (outcome !== 'up') {
    child.kill('SIGKILL');
    throw new Error(`${service} did not come up (${outcome}):\n${out.slice(-3000)}`);
  }
  return running;
}

/** Waits until /ready says Postgres and Kafka answer. */
export async function waitReady(p: ServiceProcess, timeoutMs = 90_000): Promise<void> {
  await eventually(
    async () => ((await fetch(`${p.url}/ready`).catch(() => undefined))?.ok ? true : undefined),
    timeoutMs,
    250,
  ).catch((e) => {
    throw new Error(`${p.service} not ready: ${e.message}\n${p.output().slice(-3000)}`);
  });
}

/** One sample of a Prometheus series from /metrics text (the first line whose labels include `labels`). */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const line = text
    .split('\n')
    .find((l) =>
      l.startsWith(`${name}{`) || l.startsWith(`${name} `)
        ? Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`))
        : false,
    );
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}
