import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { internalIdentityEnv } from '@kompeten/testing';

/** The repository root, from bench/servers (ts-jest) or dist/bench/servers (compiled). */
const ROOT = (() => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir))
    if (fs.existsSync(path.join(dir, 'deploy', 'register-paths.cjs'))) return dir;
  throw new Error('repository root not found');
})();

/** A compiled service run as deployed on one machine: `REPLICAS=N` (N processes behind one port, libs/platform replicas.ts). */
export interface ReplicatedProcess {
  url: string;
  /** The supervisor's pid (when N > 1) and every replica's: to charge their CPU to a run. */
  pids(): number[];
  stop(): Promise<void>;
}

export async function startReplicatedProcess(
  service: 'gateway' | 'feedback',
  replicas: number,
  env: Record<string, string>,
): Promise<ReplicatedProcess> {
  if (!fs.existsSync(path.join(ROOT, `dist/services/${service}/src/main.js`)))
    execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-b', 'tsconfig.build.json'], { cwd: ROOT });
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', './deploy/register-paths.cjs', `dist/services/${service}/src/main.js`],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        LOG_LEVEL: 'error',
        REPLICAS: String(replicas),
        ...internalIdentityEnv(),
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  let errors = '';
  child.stderr!.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-3000)));
  // One `listening` per replica: from the replica itself (N = 1) or forwarded by the supervisor with its pid.
  const replicaPids = new Set<number>();
  const port = await new Promise<number>((resolve, reject) => {
    child.on('message', (m: { type?: string; port?: number; pid?: number }) => {
      if (m?.type !== 'listening' || typeof m.port !== 'number') return;
      replicaPids.add(m.pid ?? child.pid!);
      if (replicaPids.size === replicas) resolve(m.port);
    });
    child.once('exit', (code) => reject(new Error(`${service} exited (${code}) before listening:\n${errors}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; !(await fetch(`${url}/ready`).catch(() => undefined))?.ok; i++) {
    if (i > 300) throw new Error(`${service} never became ready:\n${errors}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pids: () => [...new Set([child.pid!, ...replicaPids])],
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
