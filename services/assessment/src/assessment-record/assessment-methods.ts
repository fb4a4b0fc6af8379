import { AssessmentMethod, METHOD_SCORE_RANGES } from '@kompeten/contracts';

/** Why a score does not fit its method's range, or null when it does. */
export function scoreOutOfRange(method: AssessmentMethod, score: number): string | null {
  const { min, max } = METHOD_SCORE_RANGES[method];
  return Number.isFinite(score) && score >= min && score <= max
    ? null
    : `a ${method} score is between ${min} and ${max}`;
}

/** Where the score falls in the method's range, in five equal bands: the competency level 1..5. */
export function levelFor(method: AssessmentMethod, score: number): number {
  const { min, max } = METHOD_SCORE_RANGES[method];
  return Math.min(5, 1 + Math.floor(((score - min) * 5) / (max - min)));
}
