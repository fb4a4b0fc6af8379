import type { SeededLogs } from '../support/seeded-logs';

/** `full` is what `npm run bench` measures; `smoke` runs the same code on tiny sizes (test/bench). */
export type Scale = 'full' | 'smoke';

export type Unit = 'events/s' | 'req/s' | 'ms' | 'µs/event' | 'MB';

/** What a figure must reach; `met` is computed from it. */
export interface Target {
  /** At least this absolute value (throughput). */
  min?: number;
  /** At most this absolute value (latency). */
  max?: number;
  /** At least this ratio to the baseline measured in the same run. */
  minRatio?: number;
}

/** One line of the results table: the median of several runs, its baseline and their ratio. */
export interface Figure {
  benchmark: string;
  label: string;
  unit: Unit;
  /** Median of `samples`. */
  value: number;
  samples: number[];
  baseline?: { label: string; value: number; samples: number[] };
  /** Median of the per-run ratios subject / baseline (each pair measured back to back). */
  ratio?: number;
  target?: Target;
  met?: boolean;
  /** Measurements that explain the figure (commits per event, CPU busy, heap slope …). */
  diagnostics?: Record<string, unknown>;
  note?: string;
  /** The machine's 1-minute load average when the benchmark started and ended (2 cores: above 2 means queueing). */
  load?: { start: number; end: number };
}

export interface BenchContext {
  scale: Scale;
  fixtures: SeededLogs;
  log(message: string): void;
}

export interface Benchmark {
  /** `npm run bench -- <name>` */
  name: string;
  description: string;
  /** Reads the seeded logs (ctx.fixtures): they are dropped once no benchmark left to run needs them. */
  readsLogs?: boolean;
  /** Not part of `npm run bench` (all); runs only when named. */
  optIn?: boolean;
  run(ctx: BenchContext): Promise<Figure[]>;
}

/** Whether a figure reaches its target (undefined when it has none). */
export function targetMet(f: Pick<Figure, 'value' | 'ratio' | 'target'>): boolean | undefined {
  const t = f.target;
  if (!t) return undefined;
  if (t.min !== undefined && !(f.value >= t.min)) return false;
  if (t.max !== undefined && !(f.value <= t.max)) return false;
  if (t.minRatio !== undefined && !(f.ratio !== undefined && f.ratio >= t.minRatio)) return false;
  return true;
}

/** Picks a size by scale. */
export const sized = <T>(ctx: BenchContext, sizes: Record<Scale, T>): T => sizes[ctx.scale];
