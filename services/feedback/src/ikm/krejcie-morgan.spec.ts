import { krejcieMorgan } from './krejcie-morgan';

describe('the Krejcie–Morgan sample target', () => {
  it.each([
    [100, 80],
    [1000, 278],
    [10000, 370],
    [1000000, 384],
    [50000000, 384],
  ])('for a population of %d is %d responses', (population, target) => {
    expect(krejcieMorgan(population)).toBe(target);
  });

  it('never asks for more respondents than there are service users', () => {
    expect(krejcieMorgan(6)).toBe(6);
    expect(krejcieMorgan(1)).toBe(1);
    expect(krejcieMorgan(0)).toBe(0);
  });
});
