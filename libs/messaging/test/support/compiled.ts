import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import path from 'node:path';

/** The repository root: compiled code runs from there, as `npm start` and the Docker image run it. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

/**
 * Compiles to dist/ (incremental: quick when nothing changed). Always, not only when dist is missing:
 * a stale dist would test yesterday's code in the child process.
 */
export function buildDist(): void {
  execFileSync(path.join(repoRoot, 'node_modules/.bin/tsc'), ['-b', 'tsconfig.build.json'], {
    cwd: repoRoot,
    stdio: 'pipe',
  });
}

export interface ChildRun {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a compiled file (or a .cjs fixture) with @kompeten/* resolved to dist/, in its own process. */
export function runNode(file: string, env: Record<string, string>): ChildRun {
  const child = spawn(process.execPath, ['-r', './deploy/register-paths.cjs', file], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, exited };
}
