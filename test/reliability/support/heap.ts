import path from 'node:path';
import { eventually } from '@kompeten/testing';
import type { ServiceProcess } from './service-process';

export const HEAP_PROBE = path.join(__dirname, 'heap-probe.cjs');

/** Asks a process started with --expose-gc and the heap probe for its heap after a full GC (bytes). */
export async function heapAfterGc(p: ServiceProcess): Promise<number> {
  const seen = p.output().length;
  process.kill(p.pid, 'SIGUSR2');
  return eventually(
    () => {
      const line = p
        .output()
        .slice(seen)
        .split('\n')
        .find((l) => l.includes('"heapProbe"'));
      return line ? (JSON.parse(line) as { heapProbe: { heapUsed: number } }).heapProbe.heapUsed : undefined;
    },
    10_000,
    50,
  );
}

export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
