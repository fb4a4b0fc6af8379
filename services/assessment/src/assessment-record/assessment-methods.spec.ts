import { scoreOutOfRange } from './assessment-methods';
import { DEFAULT_SCORE_LEVELS, levelFor, scoreLevelsFrom } from './score-levels';

describe('assessment methods and their score ranges', () => {
  it('accepts each method’s own score range and names it when a score is outside', () => {
    expect(scoreOutOfRange('test', 100)).toBeNull();
    expect(scoreOutOfRange('test', 101)).toBe('a test score is between 0 and 100');
    expect(scoreOutOfRange('observation', 0)).toBe('a observation score is between 1 and 5');
    expect(scoreOutOfRange('360', 4.6)).toBeNull();
    expect(scoreOutOfRange('portfolio', Number.NaN)).not.toBeNull();
  });
});

describe('score to level, per method (the default mapping)', () => {
  it('reads a 0..100 test in 10-point bands from 60: level 3 needs 70, so 40/100 is level 1', () => {
    expect([0, 40, 59.99, 60, 69.99, 70, 79.99, 80, 89.99, 90, 100].map((s) => levelFor('test', s))).toEqual([
      1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
  });
  it('reads a portfolio as a test', () => {
    expect([40, 70, 100].map((s) => levelFor('portfolio', s))).toEqual([1, 3, 5]);
  });
  it('takes a 1..5 rubric’s points as the levels, and a mean reaches a level without rounding up', () => {
    expect([1, 2, 3, 4, 5].map((s) => levelFor('observation', s))).toEqual([1, 2, 3, 4, 5]);
    expect([1.9, 3.3, 3.7, 4.2, 4.99].map((s) => levelFor('360', s))).toEqual([1, 3, 3, 4, 4]);
  });
  it('names where each method’s mapping comes from', () => {
    for (const mapping of Object.values(DEFAULT_SCORE_LEVELS)) expect(mapping.source).toMatch(/Kompeten’s default/);
  });
});

describe('the city’s own mapping (ASSESSMENT_SCORE_LEVELS)', () => {
  it('overrides the methods it names and keeps the default for the others', () => {
    const levels = scoreLevelsFrom('{"test":[50,65,80,95]}');
    if (typeof levels === 'string') throw new Error(levels);
    expect(levels.test).toEqual({ minimumFor: [50, 65, 80, 95], source: 'the city’s setting ASSESSMENT_SCORE_LEVELS' });
    expect(levels.observation).toBe(DEFAULT_SCORE_LEVELS.observation);
    expect([49, 65, 94, 95].map((s) => levelFor('test', s, levels))).toEqual([1, 3, 4, 5]);
  });
  it('is the default when unset', () => {
    expect(scoreLevelsFrom(undefined)).toBe(DEFAULT_SCORE_LEVELS);
    expect(scoreLevelsFrom('')).toBe(DEFAULT_SCORE_LEVELS);
  });
  it.each([
    ['not JSON', 'test: 60'],
    ['an unknown method', '{"interview":[2,3,4,5]}'],
    ['three numbers', '{"test":[60,70,80]}'],
    ['numbers that do not rise', '{"test":[60,80,70,90]}'],
    ['a minimum outside the range', '{"observation":[2,3,4,6]}'],
    ['a first minimum at the range’s bottom', '{"test":[0,70,80,90]}'],
  ])('refuses %s, naming the setting', (_case, raw) => {
    expect(scoreLevelsFrom(raw)).toEqual(expect.stringMatching(/^ASSESSMENT_SCORE_LEVELS /));
  });
});
