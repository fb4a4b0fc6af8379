import { defineUseCase, Nullable, Type } from '../use-case';
import { IkmGradeSchema, SurveyPeriodSchema, UnitKindSchema } from './feedback.schemas';
import { UnitFilterRequest } from './period-query.request.dto';

const LeagueTableRow = Type.Object({
  rank: Nullable(Type.Integer({ description: 'Equal two-decimal IKMs share a rank; null: unranked' })),
  unitCode: Type.String(),
  name: Type.String(),
  opd: Type.String(),
  kind: UnitKindSchema,
  responses: Type.Integer(),
  sampleTarget: Type.Integer({ description: 'Krejcie–Morgan target for the period' }),
  sampleAdequate: Type.Boolean(),
  ikm: Nullable(Type.Number({ description: 'Two decimals; null without responses' })),
  grade: Nullable(IkmGradeSchema),
  gradeLabel: Nullable(Type.String({ example: 'Baik' })),
  u6: Nullable(Type.Number({ description: 'NRR of element 6 (Kompetensi pelaksana)' })),
  u7: Nullable(Type.Number({ description: 'NRR of element 7 (Perilaku pelaksana)' })),
  share20Jp: Nullable(Type.Number({ description: 'Share of the unit’s staff with ≥ 20 JP in the 12 months' })),
  headcount: Type.Integer(),
  unrankedBecause: Type.Optional(Type.String({ description: 'Only on unranked units' })),
});

export const LeagueTableSchema = Type.Object({
  period: SurveyPeriodSchema,
  filter: Type.Object({ opd: Type.Optional(Type.String()), kind: Type.Optional(Type.String()) }),
  units: Type.Array(LeagueTableRow, { description: 'Ranked units by IKM, then the unranked ones' }),
});

export const getLeagueTable = defineUseCase({
  name: 'getLeagueTable',
  service: 'feedback',
  method: 'GET',
  path: '/league-table',
  tag: 'reports',
  summary: 'The city’s service units by IKM; only units meeting their sample target are ranked',
  params: {},
  query: UnitFilterRequest,
  response: LeagueTableSchema,
  access: { roles: ['training-officer', 'unit-head'] },
  problems: [400],
});
