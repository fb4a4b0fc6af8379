import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { internalIdentityEnv } from '@kompeten/testing';

export const ROOT = path.resolve(__dirname, '..', '..');

export type ServiceName = 'gateway' | 'enrolment' | 'assessment' | 'budget' | 'feedback';

/** A compiled service (`dist/services/<name>/src/main.js`) in its own process, as `npm start` and the image run it. */
export interface CompiledService {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The port the service listens on, once it does; rejects if it exits first. */
  port: Promise<number>;
}

/** `npm test` builds first; a bare `npx jest` on a fresh clone builds here. */
export function ensureBuilt(): void {
  if (fs.existsSync(path.join(ROOT, 'dist/services/gateway/src/main.js'))) return;
  execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-b', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/**
 * Spawns a compiled service on PORT=0 unless `env` sets one: the OS picks a free port, and the service
 * tells us which over the IPC channel (`bootstrapService` sends `{ type: 'listening', port }`). A port
 * chosen by the test could be taken by anyone in the meantime — it failed a CI run once (EADDRINUSE).
 */
export function spawnCompiledService(
  service: ServiceName,
  env: Record<string, string>,
  options: { nodeArgs?: string[]; preload?: string[] } = {},
): CompiledService {
  ensureBuilt();
  const child = spawn(
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
      // The test process's gateway key pair: spawned services and gateways trust each other, nothing else.
      env: { PATH: process.env.PATH ?? '', PORT: '0', ...internalIdentityEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const port = new Promise<number>((resolve, reject) => {
    child.on('message', (m: { type?: string; port?: number }) => {
      if (m?.type === 'listening' && typeof m.port === 'number') resolve(m.port);
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`${service} exited (${code ?? signal}) before listening:\n${out.slice(-3000)}`)),
    );
  });
  // A test that only awaits `exited` (a refused config) must not see an unhandled rejection.
  port.catch(() => undefined);
  return { child, output: () => out, exited, port };
}
