import { closeSync, fdatasyncSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { now } from '../harness/measure';
import type { BenchDatabase } from './databases';

/**
 * How many 8 kB write + fdatasync pairs the disk does per second (what pg_test_fsync measures for
 * WAL flushes): the ceiling of commits per second for one session that waits for its own flush.
 */
export function fdatasyncRate(durationMs: number): number {
  const file = path.join(tmpdir(), `kompeten-bench-fsync-${process.pid}`);
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(8192, 1);
  let n = 0;
  const start = now();
  try {
    while (now() - start < durationMs) {
      writeSync(fd, block, 0, block.length, 0);
      fdatasyncSync(fd);
      n++;
    }
  } finally {
    closeSync(fd);
    unlinkSync(file);
  }
  return (n * 1000) / (now() - start);
}

/** One client, `insert; commit` in a loop: commits per second when each waits for its own WAL flush. */
export async function commitFloor(db: BenchDatabase, durationMs: number): Promise<number> {
  const c = await db.client();
  await c.query(
    'create table if not exists bench_commit_floor (id bigserial primary key, at timestamptz not null default now())',
  );
  let n = 0;
  const start = now();
  while (now() - start < durationMs) {
    await c.query('insert into bench_commit_floor default values');
    n++;
  }
  return (n * 1000) / (now() - start);
}
