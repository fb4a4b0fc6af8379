import { type EventRow, RECORD_COLUMNS } from '@kompeten/event-store';
import { Benchmark, BenchContext, Figure, sized, targetMet } from '../harness/benchmark';
import { CostMeter, medianOf, now, paired, perSecond } from '../harness/measure';
import { median } from '../harness/stats';
import { backendPids } from '../support/databases';

const PAGE = 2000;

/** A plan node of EXPLAIN (FORMAT JSON), as far as this benchmark reads it. */
interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
  Plans?: PlanNode[];
}
/** One statement of EXPLAIN (ANALYZE, FORMAT JSON). */
interface ExplainedQuery {
  Plan: PlanNode;
  'Execution Time': number;
}

export const globalRead: Benchmark = {
  name: 'global-read',
  readsLogs: true,
  description:
    'gap-safe global read (EventStore.records(), catch-up) vs plain SELECT … ORDER BY position through pg, same pages',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { runs, events } = sized(ctx, { full: { runs: 5, events: 100_000 }, smoke: { runs: 1, events: 1_000 } });
    const { store, db } = await ctx.fixtures.get(events);
    const client = await db.client();
    const pids = async () => backendPids(db.dataSource, db.name);
    const viaStore = async () => {
      let n = 0;
      const start = now();
      for await (const r of store.records(0, PAGE)) if (r.position > 0) n++;
      return { n, ms: now() - start };
    };
    const viaPg = async () => {
      let n = 0;
      const start = now();
      for (let after = 0; ;) {
        const { rows } = await client.query<EventRow>(
          `select ${RECORD_COLUMNS} from es_event where position > $1 order by position limit $2`,
          [after, PAGE],
        );
        n += rows.length;
        if (rows.length < PAGE) break;
        after = Number(rows[rows.length - 1].position);
      }
      return { n, ms: now() - start };
    };
    await viaStore();
    await viaPg();
    const costs: { subject: Record<string, number>[]; baseline: Record<string, number>[] } = {
      subject: [],
      baseline: [],
    };
    const measure = async (side: 'subject' | 'baseline', read: () => Promise<{ n: number; ms: number }>) => {
      const meter = await CostMeter.start(pids);
      const { n, ms } = await read();
      costs[side].push(await meter.read(n));
      return perSecond(n, ms);
    };
    const r = await paired(
      runs,
      () => measure('subject', viaStore),
      () => measure('baseline', viaPg),
    );
    const plan = await client.query<{ 'QUERY PLAN': ExplainedQuery[] }>(
      `explain (analyze, buffers, format json) select ${RECORD_COLUMNS} from es_event where position > $1 order by position limit $2`,
      [Math.floor(events / 2), PAGE],
    );
    const p = plan.rows[0]['QUERY PLAN'][0];
    const figure: Figure = {
      benchmark: this.name,
      label: `EventStore.records(), pages of ${PAGE}, ${events.toLocaleString('en')} events`,
      unit: 'events/s',
      value: median(r.subject),
      samples: r.subject,
      baseline: {
        label: `pg: SELECT … WHERE position > $1 ORDER BY position LIMIT ${PAGE}`,
        value: median(r.baseline),
        samples: r.baseline,
      },
      ratio: median(r.ratios),
      target: { min: 100_000, minRatio: 0.7 },
      diagnostics: {
        subject: medianOf(costs.subject),
        baseline: medianOf(costs.baseline),
        explainPage: {
          node: `${p.Plan['Node Type']} → ${p.Plan.Plans?.[0]?.['Node Type']} ${p.Plan.Plans?.[0]?.['Index Name'] ?? ''}`.trim(),
          executionMs: p['Execution Time'],
          sharedHit: p.Plan['Shared Hit Blocks'],
          sharedRead: p.Plan['Shared Read Blocks'],
        },
      },
    };
    figure.met = targetMet(figure);
    return [figure];
  },
};
