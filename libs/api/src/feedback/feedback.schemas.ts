import { SERVICE_UNIT_KINDS } from '@kompeten/contracts';
import { DateOnly, Dictionary, Nullable, StringEnum, Type } from '../use-case';

// Response parts several feedback use cases share (the survey and training facts of a unit in a
// period are the rows of the correlation read model, shown by the scorecard and the report).

/** IKM grades (PermenPANRB 14/2017), read at two decimals. */
export const IKM_GRADES = ['A', 'B', 'C', 'D'] as const;
export const IkmGradeSchema = StringEnum(IKM_GRADES, { description: 'A ≥ 88.31 > B ≥ 76.61 > C ≥ 65.00 > D' });

/** A service unit's kind: a string, one of SERVICE_UNIT_KINDS when registered through the API. */
export const UnitKindSchema = Type.String({
  description: `One of ${SERVICE_UNIT_KINDS.join(', ')}`,
  example: 'puskesmas',
});

/** A survey period with its inclusive dates. */
export const SurveyPeriodSchema = Type.Object({
  id: Type.String({ example: '2026-Q1', description: 'A month (2026-03), a quarter (2026-Q1) or a year (2026)' }),
  start: DateOnly({ description: 'First day' }),
  end: DateOnly({ description: 'Last day (inclusive)' }),
});

/** One answer per SKM element u1 … u9, each 1..4. */
export const SkmScoresSchema = Type.Object({
  u1: Type.Integer({ minimum: 1, maximum: 4 }),
  u2: Type.Integer({ minimum: 1, maximum: 4 }),
  u3: Type.Integer({ minimum: 1, maximum: 4 }),
  u4: Type.Integer({ minimum: 1, maximum: 4 }),
  u5: Type.Integer({ minimum: 1, maximum: 4 }),
  u6: Type.Integer({ minimum: 1, maximum: 4 }),
  u7: Type.Integer({ minimum: 1, maximum: 4 }),
  u8: Type.Integer({ minimum: 1, maximum: 4 }),
  u9: Type.Integer({ minimum: 1, maximum: 4 }),
});

/** The NRR (mean score, 1..4) of each SKM element. */
export const SkmNrrSchema = Type.Object(
  {
    u1: Type.Number(),
    u2: Type.Number(),
    u3: Type.Number(),
    u4: Type.Number(),
    u5: Type.Number(),
    u6: Type.Number(),
    u7: Type.Number(),
    u8: Type.Number(),
    u9: Type.Number(),
  },
  { description: 'NRR (mean score) per element' },
);

/** A unit's citizen satisfaction in a period. */
export const SurveyFactsSchema = Type.Object({
  responses: Type.Integer({ description: 'Valid responses in the period' }),
  population: Type.Integer({ description: 'The period’s share of the unit’s yearly service users (Krejcie–Morgan N)' }),
  sampleTarget: Type.Integer({ description: 'Krejcie–Morgan sample size for that population' }),
  sampleAdequate: Type.Boolean(),
  nrr: Nullable(SkmNrrSchema),
  ikm: Nullable(Type.Number({ description: 'Σ NRR × 1/9 × 25, unrounded; null without responses' })),
  ikmRounded: Nullable(Type.Number({ description: 'As published: two decimals' })),
  grade: Nullable(IkmGradeSchema),
  gradeLabel: Nullable(Type.String({ example: 'Baik' })),
});

/** The training of a unit's staff in the 12 months to a period's last day. */
export const TrainingFactsSchema = Type.Object({
  asOf: DateOnly({ description: 'Staff counted are those assigned to the unit on this date (the period’s last day)' }),
  windowStart: DateOnly({ description: 'Training counted happened after this date, up to asOf' }),
  headcount: Type.Integer(),
  staffWith20Jp: Type.Integer(),
  share20Jp: Nullable(Type.Number()),
  jpTotal: Type.Integer(),
  jpPerStaff: Nullable(Type.Number()),
  completionsByArea: Dictionary(Type.Integer(), { description: 'Completions by competency area' }),
  gainN: Type.Integer({ description: 'Post-assessments with a learning gain' }),
  meanPostAssessmentGain: Nullable(Type.Number()),
  spend: Type.Number({ description: 'Rupiah spent on these staff’s training in the window' }),
  spendPerStaff: Nullable(Type.Number()),
});

/** One row of the correlation read model: a unit in a period, its IKM and its staff's training. */
export const UnitPeriodFactsSchema = Type.Object({
  unitCode: Type.String(),
  name: Type.String(),
  opd: Type.String(),
  kind: UnitKindSchema,
  period: Type.String({ example: '2026-Q1' }),
  survey: SurveyFactsSchema,
  training: TrainingFactsSchema,
});
