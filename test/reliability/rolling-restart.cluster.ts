import { ChildProcess, spawn } from 'node:child_process';
import { eventually, internalIdentityEnv } from '@kompeten/testing';
import { ensureBuilt, ROOT, ServiceName } from '../support/compiled-service';
import { PRIVATE_BROKERS } from './support/private-broker';

/** What the supervisor (libs/platform/src/replicas.ts) tells its parent over IPC. */
type SupervisorMessage =
  | { type: 'listening'; port: number; pid: number; replica: number }
  | { type: 'replica-exit'; pid: number; replica: number; code: number | null; signal: string | null }
  | { type: 'rolled' };

/**
 * A compiled service started as `npm start -- --replicas N` starts it: REPLICAS=N, one supervisor
 * process, N replicas behind one port. The supervisor reports each replica's pid and exit.
 */
export interface ReplicatedService {
  url: string;
  /** The pid of the replica numbered `replica` (1…N) now listening. */
  pidOf(replica: number): number;
  /** SIGTERM to one replica; resolves when its successor (started by the supervisor) listens. */
  restart(replica: number): Promise<{ exit: { code: number | null; signal: string | null } }>;
  stop(): Promise<void>;
  output(): string;
}

export async function startReplicated(
  service: ServiceName,
  replicas: number,
  env: Record<string, string>,
): Promise<ReplicatedService> {
  ensureBuilt();
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', './deploy/register-paths.cjs', `dist/services/${service}/src/main.js`],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0', // the replicas share the port the OS gives the first one (cluster)
        LOG_LEVEL: 'warn',
        KAFKA_BROKERS: PRIVATE_BROKERS,
        REPLICAS: String(replicas),
        ...internalIdentityEnv(),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const heard: SupervisorMessage[] = [];
  child.on('message', (m: SupervisorMessage) => heard.push(m));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const listening = () => heard.filter((m) => m.type === 'listening');
  const current = new Map<number, number>(); // replica → pid
  const update = () => listening().forEach((m) => current.set(m.replica, m.pid));

  await eventually(
    () => {
      if (child.exitCode !== null) throw new Error(`${service} exited:\n${out.slice(-3000)}`);
      return listening().length >= replicas ? true : undefined;
    },
    120_000,
    100,
  );
  update();
  const url = `http://127.0.0.1:${listening()[0].port}`;
  return {
    url,
    output: () => out,
    pidOf(replica) {
      update();
      return current.get(replica)!;
    },
    async restart(replica) {
      update();
      const pid = current.get(replica)!;
      const seen = heard.length;
      process.kill(pid, 'SIGTERM');
      const exit = await eventually(() => heard.find((m) => m.type === 'replica-exit' && m.pid === pid), 60_000, 50);
      await eventually(
        () => heard.slice(seen).find((m) => m.type === 'listening' && m.replica === replica),
        120_000,
        100,
      );
      update();
      return {
        exit: exit.type === 'replica-exit' ? { code: exit.code, signal: exit.signal } : { code: null, signal: null },
      };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
