import type { QueryRunner } from 'typeorm';
import type { StoredEvent } from '@kompeten/event-store';
import { Projection, ProjectionRunner } from '@kompeten/messaging';
import { Benchmark, BenchContext, Figure, sized, targetMet } from '../harness/benchmark';
import { growthFigures, GrowthPoint } from '../harness/growth';
import { CostMeter, HeapSampler, now, perSecond } from '../harness/measure';
import { median } from '../harness/stats';
import { backendPids, sampleBackends } from '../support/databases';
import type { SeededLog } from '../support/seeded-logs';

const BATCH = 500; // ProjectionRunner's default
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** A simple projection: events and last position per stream, one upsert per event. */
export const streamCounts: Projection = {
  name: 'bench_stream_counts',
  async createTable(tx: QueryRunner, t: string) {
    await tx.query(
      `create table "${t}" (stream_id text primary key, events int not null, last_position bigint not null)`,
    );
  },
  async apply(e: StoredEvent, tx: QueryRunner, t: string) {
    await tx.query(
      `insert into "${t}" (stream_id, events, last_position) values ($1, 1, $2)
      on conflict (stream_id) do update set events = "${t}".events + 1, last_position = excluded.last_position`,
      [e.streamId, e.position],
    );
  },
};

/** The same read model with `applyBatch`: one set-based upsert per batch (as survey_responses does). */
export const streamCountsBatched: Projection = {
  ...streamCounts,
  name: 'bench_stream_counts_batched',
  async applyBatch(events: StoredEvent[], tx: QueryRunner, t: string) {
    await tx.query(
      `insert into "${t}" (stream_id, events, last_position)
        select stream_id, count(*), max(position) from unnest($1::text[], $2::bigint[]) as e(stream_id, position) group by stream_id
      on conflict (stream_id) do update set events = "${t}".events + excluded.events, last_position = greatest("${t}".last_position, excluded.last_position)`,
      [events.map((e) => e.streamId), events.map((e) => e.position)],
    );
  },
};

/**
 * Makes the projection's live table exist and stand at the head (through the documented
 * projection_checkpoint row), as it does in a running service: then rebuild() measures a rebuild,
 * not the first catch-up of the live table, which would run beside it and double the work.
 */
export async function liveAtHead(log: SeededLog, projection: Projection): Promise<void> {
  const ds = log.db.dataSource;
  const [exists] = await ds.query<unknown[]>('select 1 from projection_checkpoint where projection = $1', [
    projection.name,
  ]);
  if (exists) return;
  const table = `${projection.name}__v1`;
  const qr = ds.createQueryRunner();
  try {
    await projection.createTable(qr, table);
  } finally {
    await qr.release();
  }
  await ds.query(
    `insert into projection_checkpoint (table_name, projection, generation, definition_version, state, position)
    select $1, $2, 1, 1, 'active', position from es_head`,
    [table, projection.name],
  );
  await ds.query(`create view "${projection.name}" as select * from "${table}"`);
}

export async function rebuildOnce(log: SeededLog, projection: Projection) {
  await liveAtHead(log, projection);
  const runner = new ProjectionRunner({ dataSource: log.db.dataSource, store: log.store, projection, logger: quiet });
  const heap = new HeapSampler();
  const meter = await CostMeter.start(() => backendPids(log.db.dataSource, log.db.name));
  const sampling = await sampleBackends(log.db.url, log.db.name, 20);
  heap.begin();
  const start = now();
  await runner.rebuild();
  const ms = now() - start;
  const memory = heap.end();
  const backendTime = await sampling();
  const [{ rows }] = await log.db.dataSource.query<{ rows: number }[]>(
    `select coalesce(sum(events), 0)::int as rows from "${projection.name}"`,
  );
  if ((projection === streamCounts || projection === streamCountsBatched) && rows !== log.events)
    throw new Error(`rebuild applied ${rows} of ${log.events} events`);
  return { ms, memory, costs: await meter.read(log.events), backendTime };
}

async function readAlone(log: SeededLog): Promise<number> {
  let n = 0;
  const start = now();
  for await (const r of log.store.records(0, BATCH)) if (r.position) n++;
  return perSecond(n, now() - start);
}

export const projectionRebuild: Benchmark = {
  name: 'projection-rebuild',
  readsLogs: true,
  description:
    'ProjectionRunner.rebuild() of a one-upsert-per-event projection from 10⁶ events vs the gap-safe read alone; heap sampled; growth at 10⁴, 10⁵, 10⁶',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { sizes, big } = sized(ctx, {
      full: {
        sizes: [
          { events: 10_000, runs: 3 },
          { events: 100_000, runs: 1 },
          { events: 1_000_000, runs: 1 },
        ],
        big: 1_000_000,
      },
      smoke: {
        sizes: [
          { events: 200, runs: 1 },
          { events: 1_000, runs: 1 },
        ],
        big: 1_000,
      },
    });
    const points: GrowthPoint[] = [];
    const figures: Figure[] = [];
    for (const size of sizes) {
      const log = await ctx.fixtures.get(size.events);
      const samples: number[] = [];
      const reads: number[] = [];
      const rebuilds: Awaited<ReturnType<typeof rebuildOnce>>[] = [];
      for (let i = 0; i < size.runs; i++) {
        ctx.log(`  rebuilding from ${size.events.toLocaleString('en')} events (run ${i + 1}/${size.runs}) …`);
        const r = await rebuildOnce(log, streamCounts);
        rebuilds.push(r);
        samples.push((r.ms * 1000) / size.events);
        if (size.events === big) reads.push(await readAlone(log));
      }
      const last = rebuilds[rebuilds.length - 1];
      points.push({ events: size.events, samples, diagnostics: { ...last.costs, ...last.memory } });
      if (size.events === big) {
        const rates = samples.map((us) => 1e6 / us);
        // Flat: nothing retained once the rebuild is done, and no upward trend while it runs (the peak is
        // one page of records plus garbage not yet collected, whatever the size of the log).
        const flat = last.memory.heapEndMB - last.memory.heapStartMB < 32 && last.memory.heapTrendMBPerMin < 16;
        const figure: Figure = {
          benchmark: this.name,
          label: `rebuild from ${big.toLocaleString('en')} events, 1 upsert per event`,
          unit: 'events/s',
          value: median(rates),
          samples: rates,
          baseline: {
            label: `gap-safe read alone (EventStore.records(), pages of ${BATCH})`,
            value: median(reads),
            samples: reads,
          },
          ratio: median(rates.map((x, i) => x / reads[i])),
          target: { min: 50_000 },
          diagnostics: { ...last.costs, ...last.memory, heapFlat: flat, backendTime: last.backendTime },
        };
        figure.met = targetMet(figure) && flat;
        figures.push(figure);
        // The runner with a projection that applies each batch in one statement (Projection.applyBatch).
        ctx.log(`  rebuilding from ${size.events.toLocaleString('en')} events with applyBatch …`);
        const batched = await rebuildOnce(log, streamCountsBatched);
        const bread = await readAlone(log);
        const brate = (size.events * 1000) / batched.ms;
        const bflat =
          batched.memory.heapEndMB - batched.memory.heapStartMB < 32 && batched.memory.heapTrendMBPerMin < 16;
        const withBatch: Figure = {
          benchmark: this.name,
          label: `rebuild from ${big.toLocaleString('en')} events, applyBatch (1 upsert per batch of ${BATCH})`,
          unit: 'events/s',
          value: brate,
          samples: [brate],
          baseline: {
            label: `gap-safe read alone (EventStore.records(), pages of ${BATCH})`,
            value: bread,
            samples: [bread],
          },
          ratio: brate / bread,
          target: { min: 50_000 },
          diagnostics: { ...batched.costs, ...batched.memory, heapFlat: bflat },
        };
        withBatch.met = targetMet(withBatch) && bflat;
        figures.push(withBatch);
      }
    }
    return [...figures, ...growthFigures(this.name, 'rebuild growth', points)];
  },
};
