/** Postgres returns bigint sums as strings; rupiah stay far below 2^53, so a number is exact. */
export const rupiah = (value: string | number | null | undefined) =>
  value === null || value === undefined ? 0 : Number(value);

/** The four figures every utilisation view shows, with free = allocated − committed − spent. */
export function usage(row: {
  allocated?: string | number | null;
  committed?: string | number | null;
  spent?: string | number | null;
}) {
  const allocated = rupiah(row.allocated);
  const committed = rupiah(row.committed);
  const spent = rupiah(row.spent);
  return {
    allocated,
    committed,
    spent,
    free: allocated - committed - spent,
    utilisation: allocated ? (committed + spent) / allocated : null,
  };
}
