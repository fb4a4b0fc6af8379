import { defineUseCase, Dictionary, Nullable, PARAM, Type } from '../use-case';
import { UnitYearQueryRequest } from './unit-year-query.request.dto';

export const UnitSummarySchema = Type.Object({
  opd: Type.String({ example: 'DINKES' }),
  serviceUnit: Nullable(Type.String({ description: 'null: the whole OPD' })),
  year: Type.Integer({ example: 2026 }),
  headcount: Type.Integer({ description: 'Active staff registered by the end of the year' }),
  participants: Type.Integer({ description: 'Distinct staff enrolled in the year' }),
  enrolments: Type.Integer(),
  completions: Type.Integer(),
  jpCompleted: Type.Integer({ description: 'JP credited in the year' }),
  participationRate: Nullable(Type.Number({ description: 'participants / headcount; null without staff' })),
  withdrawalsByReason: Dictionary(Type.Integer(), { description: 'Withdrawals by reason (workload, illness, …)' }),
  nonCompletionsByReason: Dictionary(Type.Integer(), {
    description:
      'Trainings ended without completion, by coded reason (workload, illness, absent, failed-assessment, other)',
  }),
  jpCoverage: Type.Object({
    pns: Type.Integer({ description: 'Active PNS staff registered by the end of the year' }),
    meeting20Jp: Type.Integer({
      description: 'Of them, those with at least 20 JP from trainings completed in the year',
    }),
    share: Nullable(Type.Number({ description: 'meeting20Jp / pns; null without PNS staff' })),
  }),
});

export const getUnitSummary = defineUseCase({
  name: 'getUnitSummary',
  service: 'enrolment',
  method: 'GET',
  path: '/units/:opd/summary',
  tag: 'units',
  summary:
    'A unit’s year (default: the city’s current year): participation, withdrawal and non-completion reasons, JP coverage',
  params: { opd: PARAM.opd },
  query: UnitYearQueryRequest,
  response: UnitSummarySchema,
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  problems: [400],
});
