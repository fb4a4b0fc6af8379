import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '@kompeten/contracts';
import { DateOnly, defineUseCase, Nullable, StringEnum, Type as T, type Static } from '../use-case';
import { UnitPeriodFactsSchema } from './feedback.schemas';
import { PERIOD_MESSAGE, UnitFilterRequest } from './period-query.request.dto';

export class GetCorrelationReportRequest extends UnitFilterRequest {
  @ApiPropertyOptional({
    example: '2026-Q1',
    description: 'First period (its form sets the granularity); default: the current year',
  })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: `from ${PERIOD_MESSAGE}` })
  from?: string;

  @ApiPropertyOptional({ example: '2026-Q4', description: 'Last period, same granularity as from; default: from' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: `to ${PERIOD_MESSAGE}` })
  to?: string;

  @ApiPropertyOptional({
    description: 'Only unit-periods whose responses reach the Krejcie–Morgan target',
    default: false,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  adequateOnly?: boolean;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv']) format?:
    'json' | 'csv';

  @ApiPropertyOptional({
    enum: ['figures', 'observations'],
    default: 'figures',
    description: 'CSV only: the figures, or the unit-period rows behind them',
  })
  @IsOptional()
  @IsIn(['figures', 'observations'])
  table?: 'figures' | 'observations';
}

/** How far a figure can be trusted (statistics/figure-status.ts), always shown beside it. */
const FIGURE_STATUSES = ['ok', 'small-sample', 'insufficient', 'no-variation'] as const;
const FigureStatus = StringEnum(FIGURE_STATUSES, {
  description:
    'insufficient: too little data, no number; no-variation: one side never varies; small-sample: computed, rough CI and p; ok',
});
/** A 95% confidence interval [low, high]; null when it cannot be computed. */
const Ci95 = Nullable(T.Array(T.Number(), { minItems: 2, maxItems: 2, description: '95% CI [low, high]' }));

const CorrelationFigure = T.Object({
  method: StringEnum(['pearson', 'spearman']),
  n: T.Integer(),
  estimate: Nullable(T.Number({ description: 'r or ρ; null when it cannot be computed' })),
  ci95: Ci95,
  pValue: Nullable(T.Number({ description: 'Two-sided' })),
  status: FigureStatus,
});

const CorrelationRow = T.Object({
  measure: T.String({
    example: 'share20Jp',
    description: 'share20Jp, jpPerStaff, meanPostAssessmentGain or spendPerStaff',
  }),
  outcome: T.String({ example: 'ikm', description: 'ikm, u6 or u7' }),
  n: T.Integer({ description: 'Observations with both values' }),
  belowSampleTarget: T.Integer({ description: 'Of those, IKMs on fewer responses than the Krejcie–Morgan target' }),
  pearson: CorrelationFigure,
  spearman: CorrelationFigure,
});

const GroupChange = T.Object({
  n: T.Integer(),
  units: T.Array(T.String()),
  meanPre: Nullable(T.Number()),
  meanPost: Nullable(T.Number()),
  meanChange: Nullable(T.Number()),
});

const ProgrammeEffect = T.Object({
  programmeId: T.String(),
  window: T.Object({
    firstCompletion: DateOnly(),
    lastCompletion: DateOnly(),
    pre: T.String({ example: '2026-Q1', description: 'The period before the first completion' }),
    post: T.String({ example: '2026-Q3', description: 'The period after the last completion' }),
  }),
  treated: GroupChange,
  control: GroupChange,
  withoutSurveys: T.Object(
    { treated: T.Array(T.String()), control: T.Array(T.String()) },
    { description: 'Units left out: no valid responses in the pre or the post period' },
  ),
  estimate: Nullable(T.Number({ description: 'Difference-in-differences of the IKM' })),
  standardError: Nullable(T.Number()),
  degreesOfFreedom: Nullable(T.Number()),
  ci95: Ci95,
  pValue: Nullable(T.Number()),
  status: FigureStatus,
  assumption: T.String(),
  spend: T.Number({ description: 'Rupiah spent on this programme’s completions in the treated units' }),
  costPerIkmPoint: T.Object({
    value: Nullable(T.Number({ description: 'Rupiah per IKM point per unit' })),
    ci95: Ci95,
    status: StringEnum([...FIGURE_STATUSES, 'not-determinable']),
  }),
});

const StaffGroup = T.Object({ staff: T.Integer(), responses: T.Integer(), mean: Nullable(T.Number()) });

const StaffComparison = T.Object({
  definition: T.String(),
  responsesNamingStaff: T.Integer(),
  responsesNamingUnknownStaff: T.Integer(),
  outcomes: T.Array(
    T.Object({
      outcome: T.String({ example: 'ikm', description: 'ikm, u6 or u7' }),
      trained: StaffGroup,
      untrained: StaffGroup,
      difference: Nullable(T.Number({ description: 'Trained mean − untrained mean' })),
      ci95: Ci95,
      pValue: Nullable(T.Number()),
      degreesOfFreedom: Nullable(T.Number()),
      status: FigureStatus,
    }),
  ),
});

export const CorrelationReportSchema = T.Object({
  granularity: StringEnum(['month', 'quarter', 'year']),
  from: T.String({ example: '2026-Q1' }),
  to: T.String({ example: '2026-Q4' }),
  periods: T.Array(T.String()),
  filter: T.Object({
    unitCodes: T.Optional(T.Array(T.String())),
    opd: T.Optional(T.String()),
    kind: T.Optional(T.String()),
  }),
  adequateOnly: T.Boolean(),
  statement: T.String({ description: 'Association, not causation' }),
  observations: T.Integer({ description: 'Unit-periods with an IKM' }),
  units: T.Integer({ description: 'Distinct units among them' }),
  observationsBelowSampleTarget: T.Integer(),
  observationsWithoutHeadcount: T.Integer({
    description:
      'Of the observations, unit-periods with no staff known in the unit on the period’s last day: their training measures are null, so they are left out of every correlation with one',
  }),
  notes: T.Array(T.String()),
  methods: T.Object({
    pearson: T.String(),
    spearman: T.String(),
    differenceOfMeans: T.String(),
    smallSample: T.String(),
    differenceInDifferences: T.String(),
  }),
  correlations: T.Array(CorrelationRow),
  programmeEffects: T.Array(ProgrammeEffect),
  staffComparison: StaffComparison,
  rows: T.Array(UnitPeriodFactsSchema, { description: 'The observations: one per unit-period' }),
});

export const getCorrelationReport = defineUseCase({
  name: 'getCorrelationReport',
  service: 'feedback',
  method: 'GET',
  path: '/correlation-report',
  tag: 'reports',
  summary:
    'Training measures vs citizen satisfaction: correlations with n and 95% CI, difference-in-differences, cost per IKM point (JSON, or CSV with format=csv)',
  params: {},
  query: GetCorrelationReportRequest,
  // The JSON document; with format=csv the handler answers the CSV text instead (`csv: true`).
  response: T.Unsafe<Static<typeof CorrelationReportSchema> | string>(CorrelationReportSchema),
  csv: true,
  access: { roles: ['training-officer'] },
  problems: [400],
});
