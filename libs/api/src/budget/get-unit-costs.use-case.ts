import { defineUseCase, Nullable, PARAM, Type } from '../use-case';
import { FiscalYearQueryRequest } from './fiscal-year-query.request.dto';
import { Rupiah } from './money.schema';

/** Spent money per lesson hour delivered and per staff member trained, with the counts behind each figure. */
const CostFiguresSchema = Type.Object({
  completions: Type.Integer({ description: 'Spent commitments (completed trainings paid for)' }),
  trainedStaff: Type.Integer({ description: 'Distinct staff members among them' }),
  spent: Rupiah({ example: 14_500_000 }),
  jpDelivered: Type.Integer({ example: 240, description: 'Lesson hours delivered' }),
  costPerJp: Nullable(Rupiah({ example: 60_417, description: 'Null when no JP was delivered' })),
  costPerTrainedStaff: Nullable(Rupiah({ example: 1_450_000, description: 'Null when nobody was trained' })),
});

export const UnitCostsSchema = Type.Composite([
  Type.Object({ opd: Type.String({ example: 'DINKES' }), fiscalYear: Type.Integer({ example: 2026 }) }),
  CostFiguresSchema,
  Type.Object({
    byProgramme: Type.Array(
      Type.Composite([Type.Object({ programmeId: Type.String({ example: 'kom-efektif-2026' }) }), CostFiguresSchema]),
    ),
  }),
]);

export const getUnitCosts = defineUseCase({
  name: 'getUnitCosts',
  service: 'budget',
  method: 'GET',
  path: '/units/:opd/costs',
  tag: 'budgets',
  summary: 'Cost per JP and per trained staff member of a unit',
  params: { opd: PARAM.opd },
  query: FiscalYearQueryRequest,
  response: UnitCostsSchema,
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  problems: [400],
});
