import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
const STATE = path.join(ROOT, '.cache', 'reliability');

/**
 * When the test process ends, runs `command` (once per `name` and test process): what a test run
 * starts for itself — a private broker, a private Postgres — does not outlive the run.
 */
export function reapWhenTestsEnd(name: string, command: string[]): void {
  fs.mkdirSync(STATE, { recursive: true });
  const marker = path.join(STATE, `reaper-${name}.json`);
  try {
    const previous = JSON.parse(fs.readFileSync(marker, 'utf8')) as { watching: number; reaper: number };
    if (previous.watching === process.pid) {
      process.kill(previous.reaper, 0);
      return;
    }
  } catch {
    /* no reaper for this run yet */
  }
  const child = spawn(
    process.execPath,
    [path.join(__dirname, 'reap-after-exit.mjs'), String(process.pid), ...command],
    {
      cwd: ROOT,
      detached: true,
      stdio: 'ignore',
    },
  );
  child.unref();
  fs.writeFileSync(marker, JSON.stringify({ watching: process.pid, reaper: child.pid }));
}
