import { ConfigError, loadConfig } from '@kompeten/config';
import { AssessmentConfig } from './assessment.config';
import { AssessmentPolicy } from './assessment.policy';
import { DEFAULT_SCORE_LEVELS } from './assessment-record/score-levels';

const base = {
  PORT: '3002',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kompeten_assessment',
  KAFKA_BROKERS: '127.0.0.1:9092',
  INTERNAL_IDENTITY_JWKS: '{"keys":[]}',
};

describe('the assessment service’s settings', () => {
  it('default to a follow-up 3 months after training and certifications valid for 36 months', () => {
    expect(AssessmentPolicy.from(loadConfig(AssessmentConfig, base))).toEqual(
      new AssessmentPolicy(7, 14, 3, 36, 3, 3_600_000),
    );
  });
  it('take the follow-up from 3 to 6 months, and name the setting otherwise', () => {
    expect(
      loadConfig(AssessmentConfig, { ...base, ASSESSMENT_FOLLOW_UP_MONTHS: '6' }).ASSESSMENT_FOLLOW_UP_MONTHS,
    ).toBe(6);
    expect(() => loadConfig(AssessmentConfig, { ...base, ASSESSMENT_FOLLOW_UP_MONTHS: '7' })).toThrow(ConfigError);
    expect(() => loadConfig(AssessmentConfig, { ...base, ASSESSMENT_FOLLOW_UP_MONTHS: '7' })).toThrow(
      /ASSESSMENT_FOLLOW_UP_MONTHS must be 3, 4, 5 or 6/,
    );
  });
  it('take Kompeten’s default score-to-level mapping, or the city’s for the methods it names', () => {
    expect(AssessmentPolicy.from(loadConfig(AssessmentConfig, base)).scoreLevels).toBe(DEFAULT_SCORE_LEVELS);
    const city = AssessmentPolicy.from(
      loadConfig(AssessmentConfig, { ...base, ASSESSMENT_SCORE_LEVELS: '{"test":[55,70,85,95]}' }),
    );
    expect(city.scoreLevels.test.minimumFor).toEqual([55, 70, 85, 95]);
    expect(city.scoreLevels['360']).toBe(DEFAULT_SCORE_LEVELS['360']);
  });
  it('refuse a wrong mapping at start-up, naming the setting', () => {
    expect(() => loadConfig(AssessmentConfig, { ...base, ASSESSMENT_SCORE_LEVELS: '{"test":[70,60,80,90]}' })).toThrow(
      /ASSESSMENT_SCORE_LEVELS gives test \[70,60,80,90\]/,
    );
  });
});
