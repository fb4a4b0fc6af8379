import type { AssessmentConfig } from './assessment.config';
import { DEFAULT_SCORE_LEVELS, ScoreLevels, scoreLevelsFrom } from './assessment-record/score-levels';

/** The assessment rules' configurable numbers, injected into handlers and reactions (and passed to deciders in commands). */
export class AssessmentPolicy {
  constructor(
    readonly preDueDays: number,
    readonly postDueDays: number,
    readonly followUpMonths: number,
    readonly certificationMonths: number,
    readonly defaultRequiredLevel: number,
    readonly expiryCheckMs: number,
    /** Score to level per assessment method (assessment-record/score-levels.ts). */
    readonly scoreLevels: ScoreLevels = DEFAULT_SCORE_LEVELS,
  ) {}

  static from(c: AssessmentConfig): AssessmentPolicy {
    const scoreLevels = scoreLevelsFrom(c.ASSESSMENT_SCORE_LEVELS);
    // loadConfig has refused a wrong setting already (AssessmentConfig validates it with the same reader).
    if (typeof scoreLevels === 'string') throw new Error(scoreLevels);
    return new AssessmentPolicy(
      c.ASSESSMENT_PRE_DUE_DAYS,
      c.ASSESSMENT_POST_DUE_DAYS,
      c.ASSESSMENT_FOLLOW_UP_MONTHS,
      c.ASSESSMENT_CERTIFICATION_MONTHS,
      c.ASSESSMENT_DEFAULT_REQUIRED_LEVEL,
      c.ASSESSMENT_EXPIRY_CHECK_MS,
      scoreLevels,
    );
  }
}
