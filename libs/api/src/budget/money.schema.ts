import { Nullable, Type } from '../use-case/schema';

/** Rupiah: a whole number (sums of whole rupiah). */
export const Rupiah = (options: { description?: string; example?: number } = {}) => Type.Integer(options);

/** The four figures every utilisation view shows, with free = allocated − committed − spent. */
export const UsageSchema = Type.Object({
  allocated: Rupiah({ example: 100_000_000 }),
  committed: Rupiah({ example: 30_000_000 }),
  spent: Rupiah({ example: 20_000_000 }),
  free: Rupiah({ example: 50_000_000, description: 'allocated − committed − spent' }),
  utilisation: Nullable(
    Type.Number({ example: 0.5, description: '(committed + spent) / allocated; null when nothing is allocated' }),
  ),
});
