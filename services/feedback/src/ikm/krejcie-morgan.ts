/**
 * Krejcie & Morgan (1970), "Determining sample size for research activities", Educational and
 * Psychological Measurement 30, 607–610 — the table the SKM rules (PermenPANRB 14/2017) point to:
 * the sample needed from a population of N for a ±5% margin at 95%,
 *   s = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)),  χ² = 3.841 (1 df, 95%), P = 0.5, d = 0.05,
 * **rounded to the nearest whole number**, as the published Table 1 is (N = 50 → 44.34 → 44, not 45;
 * N = 500 → 217.47 → 217). Every one of the table's 90 rows (N = 10 … 1,000,000) equals the formula
 * rounded so — checked in krejcie-morgan.spec.ts, which holds the whole table — so no row needs an
 * exception. No row lies on a half (the closest, N = 290 → 165.487), so the direction of a tie never
 * matters for the table; a tie off the table rounds up (Math.round). The table ends at
 * N = 1,000,000 → 384; larger populations are read as that row (the formula stays at 384 there anyway).
 * The target is never more than the population itself.
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
  return Math.min(n, Math.round(s));
}
