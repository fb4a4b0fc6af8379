import { krejcieMorgan } from './krejcie-morgan';

/**
 * Krejcie & Morgan (1970), Table 1 "Table for determining sample size from a given population"
 * (Educational and Psychological Measurement 30, p. 608): every row, N → S.
 */
// prettier-ignore
const PUBLISHED_TABLE: [number, number][] = [
  [10, 10], [15, 14], [20, 19], [25, 24], [30, 28], [35, 32], [40, 36], [45, 40], [50, 44], [55, 48],
  [60, 52], [65, 56], [70, 59], [75, 63], [80, 66], [85, 70], [90, 73], [95, 76], [100, 80], [110, 86],
  [120, 92], [130, 97], [140, 103], [150, 108], [160, 113], [170, 118], [180, 123], [190, 127], [200, 132], [210, 136],
  [220, 140], [230, 144], [240, 148], [250, 152], [260, 155], [270, 159], [280, 162], [290, 165], [300, 169], [320, 175],
  [340, 181], [360, 186], [380, 191], [400, 196], [420, 201], [440, 205], [460, 210], [480, 214], [500, 217], [550, 226],
  [600, 234], [650, 242], [700, 248], [750, 254], [800, 260], [850, 265], [900, 269], [950, 274], [1000, 278], [1100, 285],
  [1200, 291], [1300, 297], [1400, 302], [1500, 306], [1600, 310], [1700, 313], [1800, 317], [1900, 320], [2000, 322], [2200, 327],
  [2400, 331], [2600, 335], [2800, 338], [3000, 341], [3500, 346], [4000, 351], [4500, 354], [5000, 357], [6000, 361], [7000, 364],
  [8000, 367], [9000, 368], [10000, 370], [15000, 375], [20000, 377], [30000, 379], [40000, 380], [50000, 381], [75000, 382], [1000000, 384],
];

describe('the Krejcie–Morgan sample target', () => {
  it('holds the whole published table: 90 rows from N = 10 to 1,000,000', () => {
    expect(PUBLISHED_TABLE).toHaveLength(90);
    expect(PUBLISHED_TABLE.map(([n]) => n)).toEqual([...PUBLISHED_TABLE.map(([n]) => n)].sort((a, b) => a - b));
  });

  it.each(PUBLISHED_TABLE)(
    'for a population of %d is %d responses, as the published table says',
    (population, target) => {
      expect(krejcieMorgan(population)).toBe(target);
    },
  );

  it('rounds to the nearest whole number, as the table does, not up', () => {
    // 44.34 and 217.47: rounding up would ask for 45 and 218.
    expect(krejcieMorgan(50)).toBe(44);
    expect(krejcieMorgan(500)).toBe(217);
    // 79.51 and 277.71 round up to the nearest.
    expect(krejcieMorgan(100)).toBe(80);
    expect(krejcieMorgan(1000)).toBe(278);
  });

  it('reads populations beyond the table as its last row', () => {
    expect(krejcieMorgan(50_000_000)).toBe(384);
  });

  it('never asks for more respondents than there are service users', () => {
    expect(krejcieMorgan(6)).toBe(6);
    expect(krejcieMorgan(1)).toBe(1);
    expect(krejcieMorgan(0)).toBe(0);
  });
});
