import type { BudgetEvent, FundingNeed } from '@kompeten/contracts';
import { addDays, CityCalendar } from '@kompeten/domain';
import { EventStore, type EventMetadata, type NewEvent } from '@kompeten/event-store';
import { httpOf } from '@kompeten/testing';
import { Benchmark, BenchContext, Figure, sized } from '../harness/benchmark';
import { now } from '../harness/measure';
import { median } from '../harness/stats';
import { startBudget } from '../support/platform';
import { appendStreams } from '../support/seeded-logs';

const meta: EventMetadata = { actor: 'bench:funding-window', correlationId: 'bench-funding', causationId: null };
const COST = 1_500_000;
const AREA = 'komunikasi';
const GRADES = ['A', 'B', 'C', 'D', null] as const;

/** Request i of a budget: a need that varies (so the ranking has work to do), the same cost for all. */
const request = (opd: string, i: number) => ({
  enrolmentId: `${opd}-e${i}`,
  attempt: 1,
  programmeId: `${opd.toLowerCase()}-kom`,
  nip: `19800101201001${String(1000 + (i % 9000)).padStart(4, '0')}`,
  opd,
  competencyArea: AREA,
  amount: COST,
});
const need = (i: number, asOf: string): FundingNeed => ({
  planLine: i % 3 === 0 ? null : { lineId: `L${i % 5}`, priority: 1 + (i % 5), revision: 1 },
  jpShortfall: (i * 7) % 21,
  gap: i % 4,
  ikmGrade: GRADES[i % GRADES.length],
  asOf,
});

/**
 * Two budgets of one OPD with `n` requests and money for half of them. By need: the requests are held
 * (FundsRequestQueued) and the window's decision ranks all `n` and funds half. First-come (the baseline,
 * the same work without the ranking): the requests wait in the funds queue, and raising the allocation
 * serves it in arrival order, funding half. Each decision reads the whole stream, decides and appends.
 */
function budgets(opd: string, n: number, day: string) {
  const byNeed = `2026-${opd}-APBD`;
  const firstCome = `2026-${opd}F-APBD`;
  const opened = (budgetId: string, o: string, amount: number): NewEvent<BudgetEvent>[] => [
    { type: 'BudgetOpened', data: { budgetId, fiscalYear: 2026, opd: o, fundingSource: 'APBD', ceiling: n * COST } },
    {
      type: 'FundsAllocated',
      data: {
        budgetId,
        allocationId: `area-${AREA}`,
        target: { kind: 'competency-area', competencyArea: AREA },
        amount,
      },
    },
  ];
  const requestedOn = addDays(day, -3);
  const held: NewEvent<BudgetEvent>[] = Array.from({ length: n }, (_, i) => ({
    type: 'FundsRequestQueued',
    data: { budgetId: byNeed, ...request(opd, i), need: need(i, requestedOn), requestedOn, decideOn: day },
  }));
  const waiting: NewEvent<BudgetEvent>[] = Array.from({ length: n }, (_, i) => ({
    type: 'CommitmentRejected',
    data: {
      budgetId: firstCome,
      ...request(`${opd}F`, i),
      reason: 'allocation-exhausted',
      detail: 'bench: waits in the funds queue',
    },
  }));
  return {
    byNeed,
    firstCome,
    streams: [
      {
        id: `budget-${byNeed}`,
        events: [
          ...opened(byNeed, opd, (n / 2) * COST),
          {
            type: 'FundingPolicySet',
            data: {
              budgetId: byNeed,
              mode: 'by-need',
              windowDays: 7,
              windowsFrom: addDays(day, -7),
              setOn: addDays(day, -7),
            },
          },
          ...held,
        ] as NewEvent[],
      },
      { id: `budget-${firstCome}`, events: [...opened(firstCome, `${opd}F`, 1), ...waiting] as NewEvent[] },
    ],
  };
}

export const fundingWindow: Benchmark = {
  name: 'funding-window',
  description:
    'Deciding a by-need funding window of n requests (rank all, fund half) vs serving a first-come queue of n (fund half), one HTTP command each on the real budget service',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { sizes, runs } = sized(ctx, {
      full: { sizes: [100, 1_000, 5_000], runs: 5 },
      smoke: { sizes: [20], runs: 1 },
    });
    const budget = await startBudget();
    const today = new CityCalendar().dateOf(new Date());
    const figures: Figure[] = [];
    try {
      const http = () => httpOf(budget.app);
      const store = budget.app.get(EventStore);
      for (const n of sizes) {
        const byNeed: number[] = [];
        const firstCome: number[] = [];
        for (let r = 0; r < runs; r++) {
          const opd = `FW${n}R${r}${Date.now().toString(36).toUpperCase()}`;
          const seeded = budgets(opd, n, today);
          await appendStreams(store, seeded.streams, meta, 2);
          // Alternate which goes first, so neither always meets a warmer cache.
          const decideWindow = async () => {
            const t = now();
            const res = await http()
              .post(`/units/${opd}/funding-windows`)
              .send({ fiscalYear: 2026, decisionDay: today });
            byNeed.push(now() - t);
            if (res.status !== 200) throw new Error(`window: ${res.status} ${JSON.stringify(res.body)}`);
            const funded = (res.body as { decisions: { outcome: string }[] }).decisions.filter(
              (d) => d.outcome === 'funded',
            );
            if (funded.length !== n / 2) throw new Error(`window funded ${funded.length} of ${n}, expected ${n / 2}`);
          };
          const serveQueue = async () => {
            const t = now();
            const res = await http()
              .post(`/budgets/${seeded.firstCome}/allocations/area-${AREA}/revisions`)
              .send({ amount: (n / 2) * COST });
            firstCome.push(now() - t);
            if (res.status !== 201) throw new Error(`revision: ${res.status} ${JSON.stringify(res.body)}`);
            const events = (res.body as { events: string[] }).events.filter((e) => e === 'FundsCommitted');
            if (events.length !== n / 2) throw new Error(`queue funded ${events.length} of ${n}, expected ${n / 2}`);
          };
          if (r % 2 === 0) await decideWindow().then(serveQueue);
          else await serveQueue().then(decideWindow);
        }
        figures.push({
          benchmark: 'funding-window',
          label: `window of ${n.toLocaleString('en')} requests: all ranked, half funded (ms per decision)`,
          unit: 'ms',
          value: median(byNeed),
          samples: byNeed,
          baseline: {
            label: `first-come queue of ${n.toLocaleString('en')}, half funded`,
            value: median(firstCome),
            samples: firstCome,
          },
          ratio: median(byNeed.map((x, i) => x / firstCome[i])),
          note: `per request: ${((median(byNeed) / n) * 1000).toFixed(0)} µs by need, ${((median(firstCome) / n) * 1000).toFixed(0)} µs first-come`,
        });
      }
      return figures;
    } finally {
      await budget.stop();
    }
  },
};
