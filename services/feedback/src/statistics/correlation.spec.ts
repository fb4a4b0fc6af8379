import { pearson, spearman } from './correlation';

// Expected values computed independently with SciPy 1.17.1 / NumPy 2.4 (python3):
//   stats.pearsonr(x, y) → statistic, pvalue, confidence_interval(0.95)   (Fisher z)
//   stats.spearmanr(x, y) → statistic, pvalue; CI = tanh(arctanh ρ ± norm.ppf(0.975)·√(1.06/(n−3)))
const x = [0.1, 0.4, 0.35, 0.8, 0.6, 0.2, 0.9, 0.55];
const y = [70.1, 72.5, 71.0, 80.2, 74.3, 73.9, 79.0, 75.5];

describe('correlations with their uncertainty', () => {
  it('gives Pearson r with n, a Fisher-z 95% CI and a p-value (as SciPy)', () => {
    const r = pearson(x, y);
    expect(r).toMatchObject({ method: 'pearson', n: 8, status: 'small-sample' });
    expect(r.estimate).toBeCloseTo(0.8892784490893347, 10);
    expect(r.pValue).toBeCloseTo(0.003117858502316289, 10);
    expect(r.ci95![0]).toBeCloseTo(0.49445759373967696, 10);
    expect(r.ci95![1]).toBeCloseTo(0.9798979114343253, 10);
  });

  it('gives Spearman ρ with the Fieller–Hartley–Pearson CI and the t-approximation p-value (as SciPy)', () => {
    const rho = spearman(x, y);
    expect(rho.estimate).toBeCloseTo(0.880952380952381, 10);
    expect(rho.pValue).toBeCloseTo(0.0038503204637324005, 10);
    expect(rho.ci95![0]).toBeCloseTo(0.44429521996086274, 10);
    expect(rho.ci95![1]).toBeCloseTo(0.9793922990334865, 10);
  });

  it('ranks ties by their average rank', () => {
    const rho = spearman([0, 0, 0, 1, 2, 2, 3], [60, 62, 61, 70, 65, 68, 72]);
    expect(rho.estimate).toBeCloseTo(0.8420413371357598, 10);
    expect(rho.pValue).toBeCloseTo(0.017459687239167767, 10);
    expect(rho.ci95![0]).toBeCloseTo(0.21575059923928624, 10);
    expect(rho.ci95![1]).toBeCloseTo(0.9774583452249239, 10);
  });

  it('reproduces DOMAIN.md: with 8 puskesmas, r = 0.5 has the 95% CI (−0.32, 0.89)', () => {
    // y = 0.5·zx + √0.75·ze with e centred and orthogonal to x, so r = 0.5 exactly.
    const x8 = [1, 2, 3, 4, 5, 6, 7, 8];
    const e = [1, -1, -1, 1, 1, -1, -1, 1];
    const y8 = x8.map((v, i) => 0.5 * ((v - 4.5) / Math.sqrt(6)) + Math.sqrt(0.75) * (e[i] / Math.sqrt(8 / 7)));
    const r = pearson(x8, y8);
    expect(r.estimate).toBeCloseTo(0.5, 12);
    expect(r.ci95![0]).toBeCloseTo(-0.3160173718731807, 10);
    expect(r.ci95![1]).toBeCloseTo(0.8908085822654894, 10);
  });

  it('gives no number for fewer than 4 pairs, or when one side never varies', () => {
    expect(pearson([1, 2, 3], [3, 1, 2])).toMatchObject({ n: 3, estimate: null, ci95: null, status: 'insufficient' });
    expect(spearman([0, 0, 0, 0], [3, 1, 2, 4])).toMatchObject({ n: 4, estimate: null, status: 'no-variation' });
  });

  it('marks fewer than 10 pairs as a small sample and 10 or more as ok', () => {
    const a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const b = [2, 1, 4, 3, 6, 5, 8, 7, 10, 9];
    expect(pearson(a, b).status).toBe('ok');
    expect(pearson(a.slice(0, 9), b.slice(0, 9)).status).toBe('small-sample');
  });
});
