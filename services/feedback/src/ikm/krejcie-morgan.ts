/**
 * Krejcie & Morgan (1970): the sample needed from a population of N for a ±5% margin at 95%:
 *   s = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)),  χ² = 3.841 (1 df, 95%), P = 0.5, d = 0.05,
 * rounded up. N=100 → 80, 1,000 → 278, 10,000 → 370. The published table ends at N = 1,000,000 → 384
 * (the formula creeps to 385 beyond it); larger populations are read as that last row.
 */
const TABLE_END = 1_000_000;
export const KREJCIE_MORGAN = { chiSquare: 3.841, proportion: 0.5, margin: 0.05 } as const;

export function krejcieMorgan(
  population: number,
  k: { chiSquare: number; proportion: number; margin: number } = KREJCIE_MORGAN,
): number {
  if (!Number.isFinite(population) || population < 1) return 0;
  const n = Math.min(population, TABLE_END);
  const pq = k.proportion * (1 - k.proportion);
  const s = (k.chiSquare * n * pq) / (k.margin ** 2 * (n - 1) + k.chiSquare * pq);
  // A hair of tolerance so that a value that is whole in exact arithmetic is not pushed up by float noise.
  return Math.min(n, Math.ceil(s - 1e-9));
}
