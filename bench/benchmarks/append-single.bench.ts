import { EventStore } from '@kompeten/event-store';
import { Benchmark, BenchContext, Figure, sized, targetMet } from '../harness/benchmark';
import { CostMeter, medianOf, now, paired, perSecond } from '../harness/measure';
import { median } from '../harness/stats';
import {
  backendPids,
  createBenchDatabase,
  sampleBackends,
  transactionsAfter,
  whileServerBusy,
} from '../support/databases';
import { benchEvent, benchMetadata, createPlainTable, PLAIN_COLUMNS, plainRow } from '../support/events';
import { commitFloor, fdatasyncRate } from '../support/durability';

const WRITERS = 16;

/** `writers` loops, each sending one command after the other until `total` are done. */
export async function closedLoop(
  total: number,
  writers: number,
  command: (writer: number, i: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const start = now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = next++; i < total; i = next++) await command(w, i);
    }),
  );
  return now() - start;
}

export const appendSingle: Benchmark = {
  name: 'append-single',
  description:
    'append one event per command, 16 concurrent writers, distinct streams vs plain INSERT (16 clients, one row per transaction)',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { runs, events } = sized(ctx, { full: { runs: 5, events: 5000 }, smoke: { runs: 1, events: 64 } });
    const db = await createBenchDatabase('append_single');
    try {
      const store = new EventStore(db.dataSource);
      const pool = db.pool({ max: WRITERS });
      await createPlainTable((sql) => pool.query(sql), 'plain_event');
      const event = benchEvent(1);
      let tag = 0;
      const waits: { subject: Record<string, number>[]; baseline: Record<string, number>[] } = {
        subject: [],
        baseline: [],
      };
      const storeRun = async (n: number) => {
        const prefix = `s${tag++}`;
        const meter = await CostMeter.start(() => backendPids(db.dataSource, db.name));
        const sampling = await sampleBackends(db.url, db.name);
        const [{ position: before }] =
          await db.dataSource.query<{ position: string }[]>('select position from es_head');
        const ms = await closedLoop(n, WRITERS, (_w, i) =>
          store.append(`${prefix}-${i}`, 'no-stream', [event], benchMetadata()),
        );
        const tx = await transactionsAfter(db.dataSource, Number(before));
        waits.subject.push(await sampling());
        return { rate: perSecond(n, ms), eventsPerCommit: tx.rows / tx.transactions, ...(await meter.read(n)) };
      };
      const plainRun = async (n: number) => {
        const prefix = `p${tag++}`;
        const at = new Date().toISOString();
        const meter = await CostMeter.start(() => backendPids(db.dataSource, db.name));
        const sampling = await sampleBackends(db.url, db.name);
        const ms = await closedLoop(n, WRITERS, (_w, i) =>
          pool.query(
            `insert into plain_event (${PLAIN_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
            plainRow(`${prefix}-${i}`, 1, event, benchMetadata(), at),
          ),
        );
        waits.baseline.push(await sampling());
        return { rate: perSecond(n, ms), ...(await meter.read(n)) };
      };
      // Warm-up: JIT, and the baseline pool's 16 connections (opened now, kept open).
      await whileServerBusy(() => storeRun(Math.min(events, 500)));
      await whileServerBusy(() => plainRun(Math.min(events, 500)));
      waits.subject = [];
      waits.baseline = [];
      const subjectDiag: Record<string, number>[] = [];
      const baselineDiag: Record<string, number>[] = [];
      const r = await paired(
        runs,
        async () => {
          const d = await storeRun(events);
          subjectDiag.push(d);
          return d.rate;
        },
        async () => {
          const d = await plainRun(events);
          baselineDiag.push(d);
          return d.rate;
        },
      );
      const floor = await commitFloor(db, ctx.scale === 'full' ? 2000 : 200);
      const disk = fdatasyncRate(ctx.scale === 'full' ? 1000 : 100);
      const figure: Figure = {
        benchmark: this.name,
        label: `append, 1 event per command, ${WRITERS} writers`,
        unit: 'events/s',
        value: median(r.subject),
        samples: r.subject,
        baseline: {
          label: `plain INSERT, ${WRITERS} clients, 1 row per transaction`,
          value: median(r.baseline),
          samples: r.baseline,
        },
        ratio: median(r.ratios),
        target: { min: 5000, minRatio: 0.5 },
        diagnostics: {
          subject: medianOf(subjectDiag),
          baseline: medianOf(baselineDiag),
          // Share of sampled backend time: on CPU, waiting for the WAL flush, for locks, or for the client.
          backendTime: {
            subject: waits.subject[waits.subject.length - 1],
            baseline: waits.baseline[waits.baseline.length - 1],
          },
          sequentialCommitsPerSecond: Math.round(floor),
          fdatasyncPerSecond: Math.round(disk),
        },
      };
      figure.met = targetMet(figure);
      return [figure];
    } finally {
      await db.drop();
    }
  },
};
