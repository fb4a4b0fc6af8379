import type { AssessmentConfig } from './assessment.config';

/** The assessment rules' configurable numbers, injected into handlers and reactions (and passed to deciders in commands). */
export class AssessmentPolicy {
  constructor(
    readonly preDueDays: number,
    readonly postDueDays: number,
    readonly followUpMonths: number,
    readonly certificationMonths: number,
    readonly defaultRequiredLevel: number,
    readonly expiryCheckMs: number,
  ) {}

  static from(c: AssessmentConfig): AssessmentPolicy {
    return new AssessmentPolicy(
      c.ASSESSMENT_PRE_DUE_DAYS,
      c.ASSESSMENT_POST_DUE_DAYS,
      c.ASSESSMENT_FOLLOW_UP_MONTHS,
      c.ASSESSMENT_CERTIFICATION_MONTHS,
      c.ASSESSMENT_DEFAULT_REQUIRED_LEVEL,
      c.ASSESSMENT_EXPIRY_CHECK_MS,
    );
  }
}
