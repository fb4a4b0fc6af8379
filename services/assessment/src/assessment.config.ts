import { Transform } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  Max,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { ServiceConfig } from '@kompeten/config';
import { scoreLevelsFrom } from './assessment-record/score-levels';

/** ASSESSMENT_SCORE_LEVELS read as the service reads it; the message says what is wrong. */
@ValidatorConstraint({ name: 'scoreLevels' })
class ScoreLevelsSetting implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && typeof scoreLevelsFrom(value) !== 'string';
  }
  defaultMessage({ value }: ValidationArguments) {
    const why = typeof value === 'string' ? scoreLevelsFrom(value) : 'ASSESSMENT_SCORE_LEVELS must be a string';
    return typeof why === 'string' ? why : '';
  }
}

const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? value : Number(value));

/**
 * The assessment service's settings: the common ones plus its policy, each optional with a default
 * (DOMAIN.md: on-the-job assessment 3–6 months after training; the rest is common practice, configurable).
 */
export class AssessmentConfig extends ServiceConfig {
  /** Days after the enrolment is confirmed by which the pre-assessment is due. */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(90)
  ASSESSMENT_PRE_DUE_DAYS = 7;

  /** Days after completion by which the post-assessment is due. */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(90)
  ASSESSMENT_POST_DUE_DAYS = 14;

  /** Months after completion at which the on-the-job (behaviour) assessment is due. */
  @Transform(toNumber)
  @IsInt({ message: 'ASSESSMENT_FOLLOW_UP_MONTHS must be 3, 4, 5 or 6' })
  @Min(3, { message: 'ASSESSMENT_FOLLOW_UP_MONTHS must be 3, 4, 5 or 6' })
  @Max(6, { message: 'ASSESSMENT_FOLLOW_UP_MONTHS must be 3, 4, 5 or 6' })
  ASSESSMENT_FOLLOW_UP_MONTHS = 3;

  /** How long a certification is valid. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(120)
  ASSESSMENT_CERTIFICATION_MONTHS = 36;

  /** The level a post-assessment must reach when the staff member's position sets none for the competency. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(5)
  ASSESSMENT_DEFAULT_REQUIRED_LEVEL = 3;

  /** How often the expiry check runs. */
  @Transform(toNumber)
  @IsInt()
  @Min(100)
  ASSESSMENT_EXPIRY_CHECK_MS = 3_600_000;

  /**
   * Score to level per assessment method, overriding Kompeten's default for the methods it names
   * (JSON, e.g. `{"test":[60,70,80,90]}`: the minimum scores of levels 2..5). See score-levels.ts.
   */
  @IsOptional()
  @Validate(ScoreLevelsSetting)
  ASSESSMENT_SCORE_LEVELS?: string;
}
