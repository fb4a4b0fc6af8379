import { jStat } from 'jstat';
import { sampleCorrelation, sampleRankCorrelation, sampleVariance } from 'simple-statistics';
import { CONFIDENCE, FigureStatus, MIN_CORRELATION_N, SMALL_SAMPLE_N } from './figure-status';

export interface CorrelationFigure {
  method: 'pearson' | 'spearman';
  n: number;
  /** r or ρ; null when it cannot be computed. */
  estimate: number | null;
  ci95: [number, number] | null;
  pValue: number | null;
  status: FigureStatus;
}

/** How each figure is computed, printed in the report beside the numbers. */
export const CORRELATION_METHODS = {
  pearson:
    'r: sample correlation (simple-statistics sampleCorrelation); 95% CI by Fisher z: tanh(atanh r ± z0.975/√(n−3)), z0.975 from jStat.normal.inv; two-sided p from t = r√((n−2)/(1−r²)) with n−2 df (jStat.studentt.cdf)',
  spearman:
    'ρ: Pearson correlation of mid-ranks, ties averaged (simple-statistics sampleRankCorrelation); 95% CI by Fisher z with the Fieller–Hartley–Pearson (1957) approximation SE = √(1.06/(n−3)); two-sided p by the t approximation with n−2 df (as scipy.stats.spearmanr)',
} as const;

const zQuantile = () => jStat.normal.inv(1 - (1 - CONFIDENCE) / 2, 0, 1);

function figure(method: 'pearson' | 'spearman', x: number[], y: number[]): CorrelationFigure {
  const n = x.length;
  if (n < MIN_CORRELATION_N) return { method, n, estimate: null, ci95: null, pValue: null, status: 'insufficient' };
  if (sampleVariance(x) === 0 || sampleVariance(y) === 0)
    return { method, n, estimate: null, ci95: null, pValue: null, status: 'no-variation' };
  const r = method === 'pearson' ? sampleCorrelation(x, y) : sampleRankCorrelation(x, y);
  const se = method === 'pearson' ? 1 / Math.sqrt(n - 3) : Math.sqrt(1.06 / (n - 3));
  const bounded = Math.max(-1, Math.min(1, r));
  const ci95: [number, number] =
    Math.abs(bounded) === 1
      ? [bounded, bounded]
      : [Math.tanh(Math.atanh(bounded) - zQuantile() * se), Math.tanh(Math.atanh(bounded) + zQuantile() * se)];
  const t = Math.abs(bounded) === 1 ? Infinity : Math.abs(bounded) * Math.sqrt((n - 2) / (1 - bounded * bounded));
  const pValue = t === Infinity ? 0 : 2 * (1 - jStat.studentt.cdf(t, n - 2));
  return { method, n, estimate: bounded, ci95, pValue, status: n < SMALL_SAMPLE_N ? 'small-sample' : 'ok' };
}

/** Pearson's r of paired values, with n, a Fisher-z 95% CI and a two-sided p-value. */
export const pearson = (x: number[], y: number[]) => figure('pearson', x, y);
/** Spearman's ρ of paired values, with n, an approximate 95% CI and a two-sided p-value. */
export const spearman = (x: number[], y: number[]) => figure('spearman', x, y);
