import { jStat } from 'jstat';
import { mean, sampleVariance } from 'simple-statistics';
import { CONFIDENCE, FigureStatus, SMALL_SAMPLE_N } from './figure-status';

export interface GroupSummary {
  n: number;
  mean: number | null;
}

/** Mean of group A minus mean of group B, with Welch's unequal-variance t interval. */
export interface MeanDifference {
  a: GroupSummary;
  b: GroupSummary;
  estimate: number | null;
  standardError: number | null;
  degreesOfFreedom: number | null;
  ci95: [number, number] | null;
  pValue: number | null;
  status: FigureStatus;
}

export const WELCH_METHOD =
  'difference of means; SE = √(s²a/na + s²b/nb) (simple-statistics mean, sampleVariance); Welch–Satterthwaite df; 95% CI and two-sided p from Student t (jStat.studentt.inv/cdf), as scipy.stats.ttest_ind(equal_var=False)';

export function welchDifference(a: number[], b: number[]): MeanDifference {
  const summary = (v: number[]): GroupSummary => ({ n: v.length, mean: v.length ? mean(v) : null });
  const base = { a: summary(a), b: summary(b) };
  const estimate = base.a.mean !== null && base.b.mean !== null ? base.a.mean - base.b.mean : null;
  const none = { standardError: null, degreesOfFreedom: null, ci95: null, pValue: null };
  if (a.length < 2 || b.length < 2) return { ...base, estimate, ...none, status: 'insufficient' };
  const [va, vb] = [sampleVariance(a) / a.length, sampleVariance(b) / b.length];
  const se = Math.sqrt(va + vb);
  if (se === 0) return { ...base, estimate, ...none, status: 'no-variation' };
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const q = jStat.studentt.inv(1 - (1 - CONFIDENCE) / 2, df);
  const t = Math.abs(estimate! / se);
  return {
    ...base,
    estimate,
    standardError: se,
    degreesOfFreedom: df,
    ci95: [estimate! - q * se, estimate! + q * se],
    pValue: 2 * (1 - jStat.studentt.cdf(t, df)),
    status: Math.min(a.length, b.length) < SMALL_SAMPLE_N ? 'small-sample' : 'ok',
  };
}
