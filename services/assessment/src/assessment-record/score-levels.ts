import { ASSESSMENT_METHODS, type AssessmentMethod, METHOD_SCORE_RANGES } from '@kompeten/contracts';

/**
 * How one assessment method's scores become competency levels 1..5: the lowest score that reaches
 * level 2, 3, 4 and 5 (inclusive). A score below the first is level 1. Certification compares the
 * level with the required one (the position's, or ASSESSMENT_DEFAULT_REQUIRED_LEVEL = 3), so the
 * second number is, in effect, the pass mark of a post-assessment under the default requirement.
 */
export interface ScoreLevelMapping {
  minimumFor: readonly [level2: number, level3: number, level4: number, level5: number];
  /** Where the mapping comes from: a rule, a city decision, or Kompeten's default (README, "Score to level"). */
  source: string;
}

export type ScoreLevels = Readonly<Record<AssessmentMethod, ScoreLevelMapping>>;

const PENDING =
  'Kompeten’s default, pending the city’s decision (no regulation fixes it; DOMAIN.md: levels are common practice)';

/**
 * The default mapping per method (services/assessment/README.md, "Score to level", says why):
 * - `test`, `portfolio` (0..100): 10-point bands from 60 — below 60 level 1, 60 → 2, 70 → 3, 80 → 4,
 *   90 → 5. Level 3 (the default requirement) needs 70/100: a 40/100 post-test is level 1 and
 *   certifies nothing. (Equal fifths of the range, Kompeten's first mapping, made 40 level 3.)
 * - `observation`, `360` (1..5 rubric or mean of ratings): the rubric's points are the levels, and a
 *   level is reached, never rounded up: 3.7 is level 3, 4 is level 4.
 */
export const DEFAULT_SCORE_LEVELS: ScoreLevels = {
  test: { minimumFor: [60, 70, 80, 90], source: `${PENDING}: 10-point bands, level 3 from 70/100` },
  portfolio: { minimumFor: [60, 70, 80, 90], source: `${PENDING}: as a test, level 3 from 70/100` },
  observation: { minimumFor: [2, 3, 4, 5], source: `${PENDING}: the 1..5 rubric's points are the levels` },
  '360': { minimumFor: [2, 3, 4, 5], source: `${PENDING}: the mean rating reaches a level, never rounded up` },
};

/** The competency level 1..5 a score (already within its method's range) reaches under a mapping. */
export function levelFor(method: AssessmentMethod, score: number, levels: ScoreLevels = DEFAULT_SCORE_LEVELS): number {
  return 1 + levels[method].minimumFor.filter((minimum) => score >= minimum).length;
}

/** The setting that overrides the default per method (ASSESSMENT_SCORE_LEVELS, JSON). */
export const SCORE_LEVELS_SETTING = 'ASSESSMENT_SCORE_LEVELS';

/**
 * Reads ASSESSMENT_SCORE_LEVELS: a JSON object naming, for each method the city sets, the four
 * minimum scores of levels 2..5, e.g. `{"test":[55,70,85,95]}`; methods it does not name keep the
 * default. Each list rises strictly and lies inside the method's range above its minimum. Answers
 * the mapping, or the reason the setting is wrong (naming the setting, for the start-up error).
 */
export function scoreLevelsFrom(raw: string | undefined): ScoreLevels | string {
  if (raw === undefined || raw.trim() === '') return DEFAULT_SCORE_LEVELS;
  const wrong = (why: string) =>
    `${SCORE_LEVELS_SETTING} ${why}: a JSON object of methods (${ASSESSMENT_METHODS.join(', ')}) to the minimum scores of levels 2..5, e.g. {"test":[60,70,80,90]}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return wrong('is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return wrong('is not an object');
  const levels: Record<string, ScoreLevelMapping> = { ...DEFAULT_SCORE_LEVELS };
  for (const [method, minimums] of Object.entries(parsed)) {
    if (!(ASSESSMENT_METHODS as readonly string[]).includes(method)) return wrong(`names no method ${method}`);
    const { min, max } = METHOD_SCORE_RANGES[method as AssessmentMethod];
    if (
      !Array.isArray(minimums) ||
      minimums.length !== 4 ||
      !minimums.every(
        (m, i) => typeof m === 'number' && m > min && m <= max && (i === 0 || m > (minimums[i - 1] as number)),
      )
    )
      return wrong(`gives ${method} ${JSON.stringify(minimums)}, not 4 rising scores above ${min} and at most ${max}`);
    levels[method] = {
      minimumFor: minimums as [number, number, number, number],
      source: `the city’s setting ${SCORE_LEVELS_SETTING}`,
    };
  }
  return levels as ScoreLevels;
}
