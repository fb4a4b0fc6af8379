import type { Figure } from './benchmark';
import { median } from './stats';

export interface GrowthPoint {
  events: number;
  /** Microseconds per event, one per run. */
  samples: number[];
  diagnostics?: Record<string, unknown>;
}

/** Within this factor of the smallest size's cost per event, growth is called linear (the machine is noisy). */
export const LINEAR_WITHIN = 1.3;

const power = (n: number) => {
  const e = Math.round(Math.log10(n));
  return 10 ** e === n ? `10${String(e).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)])}` : n.toLocaleString('en');
};

/**
 * One figure per size: cost per event, and its ratio to the smallest size's. Constant cost per event
 * (ratio ≈ 1) is linear growth; a ratio rising with size is not.
 */
export function growthFigures(benchmark: string, what: string, points: GrowthPoint[]): Figure[] {
  const first = points[0];
  const base = median(first.samples);
  return points.map((p) => {
    const value = median(p.samples);
    const ratio = value / base;
    return {
      benchmark,
      label: `${what}: ${power(p.events)} events`,
      unit: 'µs/event',
      value,
      samples: p.samples,
      ...(p === first
        ? {}
        : { baseline: { label: `µs/event at ${power(first.events)}`, value: base, samples: first.samples }, ratio }),
      diagnostics: { eventsPerSecond: Math.round(1e6 / value), ...p.diagnostics },
      note:
        p === first
          ? 'reference size'
          : ratio <= LINEAR_WITHIN
            ? `linear: cost per event within ${LINEAR_WITHIN}× of ${power(first.events)}`
            : `grows faster than linear: ${ratio.toFixed(2)}× the cost per event of ${power(first.events)}`,
    };
  });
}
