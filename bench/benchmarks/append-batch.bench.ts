import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EventStore } from '@kompeten/event-store';
import { Benchmark, BenchContext, Figure, sized, targetMet } from '../harness/benchmark';
import { growthFigures, GrowthPoint } from '../harness/growth';
import { CostMeter, medianOf, now, paired, perSecond } from '../harness/measure';
import { median } from '../harness/stats';
import { backendPids, BenchDatabase, createBenchDatabase, sampleBackends } from '../support/databases';
import { benchEvent, benchMetadata, createPlainTable, PLAIN_COLUMNS, plainRow } from '../support/events';
import { appendInBatches, SeededLog } from '../support/seeded-logs';

const BATCH = 100;

/** Appends `events` into a fresh log; the log is handed to the fixtures (the later benchmarks read it). */
async function appendRun(
  ctx: BenchContext,
  events: number,
): Promise<{ seeded: SeededLog; ms: number; costs: Record<string, number>; backendTime: Record<string, number> }> {
  const db = await createBenchDatabase(`log_${events}`);
  const store = new EventStore(db.dataSource);
  await db.dataSource.query('select 1'); // opens the pool's connection
  const meter = await CostMeter.start(() => backendPids(db.dataSource, db.name));
  const sampling = await sampleBackends(db.url, db.name);
  const ms = await appendInBatches(store, events, BATCH);
  const costs = await meter.read(events);
  const backendTime = await sampling();
  const [size] = await db.dataSource.query<{ mb: string }[]>(
    `select round(pg_total_relation_size('es_event') / 1048576.0) as mb`,
  );
  const seeded: SeededLog = { events, db, store };
  ctx.fixtures.adopt(seeded);
  return { seeded, ms, costs: { ...costs, tableAndIndexesMB: Number(size.mb) }, backendTime };
}

/** The same rows through `pg`, 100 per multi-row INSERT, one transaction each, into a fresh plain table. */
async function multiRowInsert(db: BenchDatabase, table: string, events: number): Promise<number> {
  const c = await db.client();
  await createPlainTable((sql) => c.query(sql), table);
  const cols = PLAIN_COLUMNS.split(',').length;
  const placeholders = Array.from(
    { length: BATCH },
    (_, r) => `(${Array.from({ length: cols }, (_, k) => `$${r * cols + k + 1}`).join(', ')})`,
  ).join(', ');
  const sql = `insert into ${table} (${PLAIN_COLUMNS}) values ${placeholders}`;
  const events100 = Array.from({ length: BATCH }, (_, i) => benchEvent(i));
  const start = now();
  for (let done = 0, s = 0; done < events; done += BATCH, s++) {
    const at = new Date().toISOString();
    const meta = benchMetadata();
    await c.query(
      sql,
      events100.flatMap((e, i) => plainRow(`${table}-${s}`, i + 1, e, meta, at)),
    );
  }
  const ms = now() - start;
  await c.end();
  return ms;
}

/** The same rows through one COPY (psql \copy from a CSV file): the fastest way in, for reference. */
async function copyIn(db: BenchDatabase, table: string, events: number): Promise<number> {
  const c = await db.client();
  await createPlainTable((sql) => c.query(sql), table);
  const file = path.join(tmpdir(), `kompeten-bench-${table}-${process.pid}.csv`);
  const out = createWriteStream(file);
  const csv = (v: unknown) => `"${String(v).replace(/"/g, '""')}"`;
  const events100 = Array.from({ length: BATCH }, (_, i) => benchEvent(i));
  for (let done = 0, s = 0; done < events; done += BATCH, s++) {
    const at = new Date().toISOString();
    const meta = benchMetadata();
    if (
      !out.write(
        events100
          .map((e, i) =>
            plainRow(`${table}-${s}`, i + 1, e, meta, at)
              .map(csv)
              .join(','),
          )
          .join('\n') + '\n',
      )
    ) {
      await new Promise<void>((r) => out.once('drain', () => r()));
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
  const start = now();
  const r = spawnSync(
    'psql',
    [
      db.url,
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `\\copy ${table} (${PLAIN_COLUMNS}) from '${file}' with (format csv)`,
    ],
    { encoding: 'utf8' },
  );
  const ms = now() - start;
  await rm(file, { force: true });
  await c.end();
  if (r.status !== 0) throw new Error(`psql \\copy failed: ${r.stderr}`);
  return ms;
}

export const appendBatch: Benchmark = {
  name: 'append-batch',
  description:
    'append in batches of 100 (one writer, a bulk import) vs multi-row INSERT and COPY; growth at 10⁴, 10⁵, 10⁶ events',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { runs, events, growth } = sized(ctx, {
      full: {
        runs: 3,
        events: 100_000,
        growth: [
          { events: 10_000, runs: 3 },
          { events: 1_000_000, runs: 1 },
        ],
      },
      smoke: { runs: 1, events: 1_000, growth: [{ events: 200, runs: 1 }] },
    });
    const plain = await createBenchDatabase('append_plain');
    try {
      const costs: Record<string, number>[] = [];
      let backendTime: Record<string, number> = {};
      let tables = 0;
      await multiRowInsert(plain, `warm_${tables++}`, Math.min(events, 1000));
      const r = await paired(
        runs,
        async () => {
          const a = await appendRun(ctx, events);
          costs.push(a.costs);
          backendTime = a.backendTime;
          return perSecond(events, a.ms);
        },
        async () => perSecond(events, await multiRowInsert(plain, `plain_${tables++}`, events)),
      );
      const figure: Figure = {
        benchmark: this.name,
        label: `append, ${BATCH} events per append, 1 writer`,
        unit: 'events/s',
        value: median(r.subject),
        samples: r.subject,
        baseline: {
          label: `multi-row INSERT, ${BATCH} rows per transaction`,
          value: median(r.baseline),
          samples: r.baseline,
        },
        ratio: median(r.ratios),
        target: { min: 30_000 },
        diagnostics: { ...medianOf(costs), backendTime },
      };
      figure.met = targetMet(figure);
      const copies: number[] = [];
      for (let i = 0; i < runs; i++) copies.push(perSecond(events, await copyIn(plain, `copy_${tables++}`, events)));
      const copy: Figure = {
        benchmark: this.name,
        label: 'reference: the same rows by one COPY (psql \\copy)',
        unit: 'events/s',
        value: median(copies),
        samples: copies,
        note: 'no chain, no lock, one statement: the ceiling of Postgres ingest here',
      };
      const points: GrowthPoint[] = [];
      for (const g of growth) {
        const samples: number[] = [];
        let diag: Record<string, number> = {};
        for (let i = 0; i < g.runs; i++) {
          ctx.log(`  appending ${g.events.toLocaleString('en')} events (run ${i + 1}/${g.runs}) …`);
          const a = await appendRun(ctx, g.events);
          samples.push((a.ms * 1000) / g.events);
          diag = a.costs;
        }
        points.push({ events: g.events, samples, diagnostics: diag });
      }
      points.push({ events, samples: r.subject.map((x) => 1e6 / x), diagnostics: medianOf(costs) });
      points.sort((a, b) => a.events - b.events);
      return [figure, copy, ...growthFigures(this.name, 'append growth, batches of 100', points)];
    } finally {
      await plain.drop();
    }
  },
};
