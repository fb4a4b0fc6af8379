import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Benchmark, BenchContext, Figure, Scale } from './harness/benchmark';
import { machine, table, writeJson } from './harness/report';
import { BENCHMARKS } from './benchmarks';
import { brokerVersion } from './support/kafka';
import { SeededLogs } from './support/seeded-logs';

/**
 * `npm run bench [-- name …]`: runs the benchmarks (all, or those named), prints the table and
 * writes bench/results/latest.json. `--smoke` runs tiny sizes (what test/bench runs).
 */
export async function runBenchmarks(
  names: string[],
  scale: Scale,
  log: (m: string) => void = console.log,
  onFigures: (figures: Figure[]) => void = () => undefined,
): Promise<Figure[]> {
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length)
    throw new Error(`unknown benchmark(s) ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  const chosen: Benchmark[] = names.length
    ? BENCHMARKS.filter((b) => names.includes(b.name))
    : BENCHMARKS.filter((b) => !b.optIn);
  const fixtures = new SeededLogs(log);
  const ctx: BenchContext = { scale, fixtures, log };
  const figures: Figure[] = [];
  try {
    for (const [i, b] of chosen.entries()) {
      if (!chosen.slice(i).some((later) => later.readsLogs)) await fixtures.dropAll(); // frees disk and connections early
      const start = Date.now();
      const loadAtStart = os.loadavg()[0];
      log(`▶ ${b.name}: ${b.description}`);
      const got = await b.run(ctx);
      const load = { start: Math.round(loadAtStart * 10) / 10, end: Math.round(os.loadavg()[0] * 10) / 10 };
      figures.push(...got.map((f) => ({ ...f, load })));
      onFigures(figures);
      log(`  ${((Date.now() - start) / 1000).toFixed(1)} s (load average ${load.start} → ${load.end})`);
    }
  } finally {
    await fixtures.dropAll();
  }
  return figures;
}

async function postgresVersion(): Promise<string> {
  const c = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await c.connect();
  try {
    const { rows } = await c.query<{ v: string; sc: string; sb: string }>(
      `select current_setting('server_version') as v, current_setting('synchronous_commit') as sc, current_setting('shared_buffers') as sb`,
    );
    return `${rows[0].v} (synchronous_commit=${rows[0].sc}, shared_buffers=${rows[0].sb})`;
  } finally {
    await c.end();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const scale: Scale = args.includes('--smoke') ? 'smoke' : 'full';
  const names = args.filter((a) => !a.startsWith('--'));
  const started = new Date();
  const file = path.resolve(
    __dirname,
    '../../bench/results',
    `${scale === 'smoke' ? 'smoke' : 'latest'}${names.length ? `-${names.join('+')}` : ''}.json`,
  );
  const env = machine({ postgres: await postgresVersion(), kafka: brokerVersion() });
  const save = (figures: Figure[], complete: boolean) =>
    writeJson(file, {
      started: started.toISOString(),
      seconds: Math.round((Date.now() - started.getTime()) / 1000),
      complete,
      scale,
      machine: env,
      figures,
    });
  // Written after every benchmark too, so that an interrupted run keeps what it measured.
  const figures = await runBenchmarks(names, scale, console.log, (soFar) => save(soFar, false));
  const seconds = (Date.now() - started.getTime()) / 1000;
  save(figures, true);
  console.log(`\n${table(figures)}\n\n${figures.length} figures in ${(seconds / 60).toFixed(1)} min`);
  console.log(`written to ${path.relative(process.cwd(), file)}`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
