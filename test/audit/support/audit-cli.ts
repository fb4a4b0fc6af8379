import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { ReadModel, runAuditCli } from '@kompeten/audit';
import { testBrokers } from '@kompeten/testing';
// The tool's catalogue: every service's audit entry point (services/<service>/src/<service>.audit.ts).
import { READ_MODELS } from '../../../tools/audit/src/read-models';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The tool's own catalogue, as the CLI process has it (here from the sources, the process from dist/). */
export function catalogue(): ReadModel[] {
  return READ_MODELS;
}

/** The CLI's compiled entry, which `npm run audit` runs after the build. */
const CLI = ['-r', './deploy/register-paths.cjs', 'dist/tools/audit/src/main.js'];

/** Compiles to dist/ (incremental): the CLI process runs compiled code. */
export function buildDist(): void {
  execFileSync(path.join(repoRoot, 'node_modules/.bin/tsc'), ['-b', 'tsconfig.build.json'], {
    cwd: repoRoot,
    stdio: 'pipe',
  });
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const env = () => ({ DATABASE_URL: process.env.DATABASE_URL, KAFKA_BROKERS: testBrokers().join(',') });

/** The CLI in this process (fast): what `npm run audit -- …args` does, minus the process. */
export async function audit(args: string[], options: { signal?: AbortSignal } = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY: false });
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await runAuditCli(
    args,
    { stdout, stderr, env: env(), signal: options.signal ?? new AbortController().signal },
    { readModels: catalogue() },
  );
  return { code, stdout: out, stderr: err };
}

/** The CLI's `--json` report; `T` is the shape the caller reads of it (unknown unless said). */
export async function auditJson<T = unknown>(args: string[]): Promise<{ code: number; report: T; stderr: string }> {
  const run = await audit([...args, '--json']);
  try {
    return { code: run.code, report: JSON.parse(run.stdout) as T, stderr: run.stderr };
  } catch {
    throw new Error(`no JSON report (exit ${run.code}): ${run.stdout}\n${run.stderr}`);
  }
}

export interface AuditProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Exit code and the child's peak resident memory (VmHWM, sampled from /proc while it ran). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; peakRssMb: number }>;
}

/** The CLI as its own process, exactly as `npm run audit` runs it (after the build), with node flags. */
export function spawnAudit(args: string[], nodeFlags: string[] = []): AuditProcess {
  const child = spawn(process.execPath, [...nodeFlags, ...CLI, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  let peakKb = 0;
  const sample = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      /* exited */
    }
  }, 100);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; peakRssMb: number }>((resolve) =>
    child.on('exit', (code, signal) => {
      clearInterval(sample);
      resolve({ code, signal, peakRssMb: Math.round(peakKb / 1024) });
    }),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}
