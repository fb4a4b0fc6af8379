import { welchDifference } from './mean-difference';

describe("Welch's difference of means", () => {
  it('matches scipy.stats.ttest_ind(a, b, equal_var=False) with its confidence interval', () => {
    // SciPy 1.17.1: diff 2.63, df 4.897144557020848, p 0.004760079736600342, CI (1.2395530184843846, 4.020446981515614)
    const d = welchDifference([2.5, 3.1, 1.8, 4.0], [0.2, -0.5, 1.1, 0.4, -0.1]);
    expect(d.estimate).toBeCloseTo(2.63, 12);
    expect(d.degreesOfFreedom).toBeCloseTo(4.897144557020848, 9);
    expect(d.pValue).toBeCloseTo(0.004760079736600342, 9);
    expect(d.ci95![0]).toBeCloseTo(1.2395530184843846, 9);
    expect(d.ci95![1]).toBeCloseTo(4.020446981515614, 9);
    expect(d).toMatchObject({ a: { n: 4 }, b: { n: 5 }, status: 'small-sample' });
  });

  it('gives the difference but no interval when a group has fewer than two values', () => {
    expect(welchDifference([3], [1, 2])).toMatchObject({
      estimate: 1.5,
      ci95: null,
      pValue: null,
      status: 'insufficient',
    });
  });
});
