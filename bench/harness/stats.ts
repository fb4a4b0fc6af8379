/** Small statistics for benchmark samples: medians across runs, percentiles within a run. */

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Least-squares slope of y over x (for "does the heap grow during the run"). */
export function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/** Relative spread of samples, (max − min) / median: how much to trust a median on a noisy machine. */
export const spread = (xs: number[]): number => (xs.length < 2 ? 0 : (Math.max(...xs) - Math.min(...xs)) / median(xs));

/** The 95th percentile of unsorted readings (latencies). */
export const p95 = (xs: number[]): number =>
  percentile(
    [...xs].sort((a, b) => a - b),
    95,
  );
