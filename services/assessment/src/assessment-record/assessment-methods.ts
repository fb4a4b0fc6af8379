import { AssessmentMethod, METHOD_SCORE_RANGES } from '@kompeten/contracts';

/** Why a score does not fit its method's range, or null when it does. */
export function scoreOutOfRange(method: AssessmentMethod, score: number): string | null {
  const { min, max } = METHOD_SCORE_RANGES[method];
  return Number.isFinite(score) && score >= min && score <= max
    ? null
    : `a ${method} score is between ${min} and ${max}`;
}
