import type { SkmScores } from '@kompeten/contracts';
import { gradeOf, ikmOf, sumScores } from './ikm';

const response = (digits: string): SkmScores =>
  Object.fromEntries([...digits].map((d, i) => [`u${i + 1}`, Number(d)])) as SkmScores;
const allElements = (value: number): SkmScores => response(String(value).repeat(9));

describe('the IKM (PermenPANRB 14/2017)', () => {
  // Worked by hand:
  //            u1 u2 u3 u4 u5 u6 u7 u8 u9
  //   R1        4  4  3  4  3  4  4  3  3
  //   R2        3  3  3  4  3  3  3  3  3
  //   R3        4  3  2  4  3  4  4  2  3
  //   R4        3  3  3  4  4  3  4  3  4
  //   sum      14 13 11 16 13 14 15 11 13   (120)
  //   NRR     3.5 3.25 2.75 4 3.25 3.5 3.75 2.75 3.25   (Σ = 30)
  //   IKM = 30 × 1/9 × 25 = 83.333… → 83.33, grade B (Baik)
  it('is the sum of NRR per element × 1/9 × 25 (a worked example)', () => {
    const result = ikmOf(sumScores(['443434433', '333433333', '432434423', '333443434'].map(response)), 4)!;
    expect(result.nrr).toEqual({ u1: 3.5, u2: 3.25, u3: 2.75, u4: 4, u5: 3.25, u6: 3.5, u7: 3.75, u8: 2.75, u9: 3.25 });
    expect(result.ikm).toBeCloseTo(83.3333333, 6);
    expect(result.ikmRounded).toBe(83.33);
    expect(result.grade).toBe('B');
    // The regulation's printed weight 0.111 would give 30 × 0.111 × 25 = 83.25: the weight is exactly 1/9.
    expect(result.ikm).not.toBeCloseTo(83.25, 2);
  });

  it('runs from exactly 25 (every answer 1) to exactly 100 (every answer 4), not 99.9', () => {
    expect(ikmOf(sumScores([allElements(1), allElements(1)]), 2)).toMatchObject({ ikmRounded: 25, grade: 'D' });
    expect(ikmOf(sumScores([allElements(4)]), 1)).toMatchObject({ ikm: 100, ikmRounded: 100, grade: 'A' });
  });

  it('has no IKM without responses', () => {
    expect(ikmOf(sumScores([]), 0)).toBeNull();
  });

  it.each([
    [64.99, 'D'],
    [65.0, 'C'],
    [76.6, 'C'],
    [76.61, 'B'],
    [88.3, 'B'],
    [88.31, 'A'],
    [25, 'D'],
    [100, 'A'],
  ])('grades %d as %s', (ikm, grade) => {
    expect(gradeOf(ikm)).toBe(grade);
  });

  it('grades from the two-decimal IKM, so a value exactly halfway rounds up (76.605 → 76.61, B)', () => {
    // 5,000 responses whose scores sum to 137,889: IKM = 25 × 137889 / (9 × 5000) = 76.605 exactly.
    const sums = allElements(0);
    for (const u of Object.keys(sums) as (keyof SkmScores)[]) sums[u] = 15321;
    expect(ikmOf(sums, 5000)).toMatchObject({ ikmRounded: 76.61, grade: 'B' });
  });

  it('reads the grade boundaries from real response sets (88.30 B, 88.31 A)', () => {
    // 25 × S / 9n = 88.30 needs S/n = 31.788: n = 250, S = 7947 → 88.3 exactly; one point more → 88.311… → 88.31.
    const sums = (total: number) => ({
      u1: total - 8 * 883,
      u2: 883,
      u3: 883,
      u4: 883,
      u5: 883,
      u6: 883,
      u7: 883,
      u8: 883,
      u9: 883,
    });
    expect(ikmOf(sums(7947), 250)).toMatchObject({ ikmRounded: 88.3, grade: 'B' });
    expect(ikmOf(sums(7948), 250)).toMatchObject({ ikmRounded: 88.31, grade: 'A' });
  });
});
