import { levelFor, scoreOutOfRange } from './assessment-methods';

describe('assessment methods and levels', () => {
  it('accepts each method’s own score range and names it when a score is outside', () => {
    expect(scoreOutOfRange('test', 100)).toBeNull();
    expect(scoreOutOfRange('test', 101)).toBe('a test score is between 0 and 100');
    expect(scoreOutOfRange('observation', 0)).toBe('a observation score is between 1 and 5');
    expect(scoreOutOfRange('360', 4.6)).toBeNull();
    expect(scoreOutOfRange('portfolio', Number.NaN)).not.toBeNull();
  });
  it('turns a 0..100 score into five equal bands', () => {
    expect([0, 19.9, 20, 59.9, 60, 79.9, 80, 100].map((s) => levelFor('test', s))).toEqual([1, 1, 2, 3, 4, 4, 5, 5]);
  });
  it('maps a 1..5 rubric onto itself, and a 360 mean into bands 0.8 wide', () => {
    expect([1, 2, 3, 4, 5].map((s) => levelFor('observation', s))).toEqual([1, 2, 3, 4, 5]);
    expect(levelFor('360', 3.7)).toBe(4);
    expect(levelFor('360', 3.3)).toBe(3);
    expect(levelFor('360', 4.2)).toBe(5);
  });
});
