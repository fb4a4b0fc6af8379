import net from 'node:net';
import { eventually } from '@kompeten/testing';
import { ensureBuilt, ServiceName, spawnCompiledService } from '../../support/compiled-service';
import { PRIVATE_BROKERS } from './private-broker';
import { registerService } from './signed-calls';

export type { ServiceName };

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

/**
 * A port nobody listens on right now — only for a server that cannot bind port 0 and report it back
 * (the private Postgres, whose restart tests also need the same port again). Another process could
 * take it before the server binds; services never use this (they bind port 0, see compiled-service).
 */
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

export { ensureBuilt };

/** Starts a service on a port the OS picks (Kafka: the private broker unless env says otherwise) and waits until it answers /health. */
export async function startService(
  service: ServiceName,
  env: Record<string, string>,
  options: { nodeArgs?: string[]; preload?: string[] } = {},
): Promise<ServiceProcess> {
  const {
    child,
    output,
    exited,
    port: listening,
  } = spawnCompiledService(service, { LOG_LEVEL: 'warn', KAFKA_BROKERS: PRIVATE_BROKERS, ...env, PORT: '0' }, options);
  const port = await listening.catch(() => undefined); // rejects when the process exits first
  if (port === undefined) {
    child.kill('SIGKILL');
    throw new Error(`${service} did not come up (exited before listening):\n${output().slice(-3000)}`);
  }
  const url = `http://127.0.0.1:${port}`;
  registerService(url, service);
  const running: ServiceProcess = {
    service,
    url,
    pid: child.pid!,
    output,
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
    throw new Error(`${service} did not come up (${outcome}):\n${output().slice(-3000)}`);
  }
  return running;
}

/** Waits until /ready says Postgres and Kafka answer. */
export async function waitReady(p: ServiceProcess, timeoutMs = 90_000): Promise<void> {
  await eventually(
    async () => ((await fetch(`${p.url}/ready`).catch(() => undefined))?.ok ? true : undefined),
    timeoutMs,
    250,
  ).catch((e: Error) => {
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
