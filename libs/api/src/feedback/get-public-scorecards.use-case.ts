import { defineUseCase, Nullable, Type } from '../use-case';
import { IkmGradeSchema, SurveyPeriodSchema, UnitKindSchema } from './feedback.schemas';
import { getLeagueTable } from './get-league-table.use-case';
import { PeriodQueryRequest } from './period-query.request.dto';

/** What the public may see of the league table: aggregates only (the gateway projects these fields). */
const PublicScorecard = Type.Object({
  unitCode: Type.String(),
  name: Type.String(),
  opd: Type.String(),
  kind: UnitKindSchema,
  ikm: Nullable(Type.Number({ description: 'Two decimals; null without responses' })),
  grade: Nullable(IkmGradeSchema),
  gradeLabel: Nullable(Type.String({ example: 'Baik' })),
  responses: Type.Integer(),
  sampleTarget: Type.Integer({ description: 'Krejcie–Morgan target for the period' }),
  sampleAdequate: Type.Boolean(),
  rank: Nullable(Type.Integer({ description: 'Only units meeting their sample target are ranked' })),
});

export const PublicScorecardsSchema = Type.Object({
  period: SurveyPeriodSchema,
  units: Type.Array(PublicScorecard),
});

export const getPublicScorecards = defineUseCase({
  name: 'getPublicScorecards',
  service: 'feedback',
  method: 'GET',
  path: '/public/scorecards',
  tag: 'public',
  summary: 'Every service unit’s IKM and grade for a period — aggregates only, never comments or staff data',
  params: {},
  query: PeriodQueryRequest,
  response: PublicScorecardsSchema,
  access: { roles: [], public: true },
  problems: [400],
  forwardsTo: getLeagueTable,
});
