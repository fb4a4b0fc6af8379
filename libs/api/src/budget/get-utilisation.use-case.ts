import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { FUNDING_SOURCES } from '@kompeten/contracts';
import { defineUseCase, Nullable, StringEnum, Type, type TSchema } from '../use-case';
import { OPD_CODE } from './codes';
import { FiscalYearQueryRequest } from './fiscal-year-query.request.dto';
import { Rupiah, UsageSchema } from './money.schema';

/** How utilisation is grouped. */
export type UtilisationGrouping = 'unit' | 'programme' | 'funding-source';

export class GetUtilisationRequest extends FiscalYearQueryRequest {
  @ApiPropertyOptional({ enum: ['unit', 'programme', 'funding-source'], default: 'unit' })
  @IsOptional()
  @IsIn(['unit', 'programme', 'funding-source'])
  by?: UtilisationGrouping;
  @ApiPropertyOptional({ example: 'DINKES', description: 'Only this unit' })
  @IsOptional()
  @Matches(OPD_CODE, { message: 'opd must be an OPD code such as DINKES' })
  opd?: string;
}

/** A group of budgets (a unit's, or a funding source's): their ceilings and their use. */
const BudgetGroupSchema = Type.Composite([
  Type.Object({
    budgets: Type.Integer(),
    ceiling: Rupiah({ example: 250_000_000 }),
    unallocated: Rupiah({ example: 150_000_000, description: 'ceiling − allocated' }),
  }),
  UsageSchema,
]);

const answer = <const G extends UtilisationGrouping, R extends TSchema>(by: G, row: R) =>
  Type.Object({
    fiscalYear: Type.Integer({ example: 2026 }),
    by: StringEnum([by]),
    opd: Nullable(Type.String({ example: 'DINKES', description: 'The unit asked for, or null for all' })),
    rows: Type.Array(row),
  });

/** One shape per grouping: `by` says which rows follow. */
export const UtilisationSchema = Type.Union([
  answer('unit', Type.Composite([Type.Object({ opd: Type.String({ example: 'DINKES' }) }), BudgetGroupSchema])),
  answer(
    'funding-source',
    Type.Composite([Type.Object({ fundingSource: StringEnum(FUNDING_SOURCES) }), BudgetGroupSchema]),
  ),
  answer(
    'programme',
    Type.Composite([Type.Object({ programmeId: Type.String({ example: 'kom-efektif-2026' }) }), UsageSchema]),
  ),
]);

export const getUtilisation = defineUseCase({
  name: 'getUtilisation',
  service: 'budget',
  method: 'GET',
  path: '/utilisation',
  tag: 'budgets',
  summary:
    'Utilisation per unit, programme or funding source: allocated, committed, spent, free (unit-heads: their OPD)',
  params: {},
  query: GetUtilisationRequest,
  response: UtilisationSchema,
  access: { roles: ['training-officer', 'unit-head'], unitQuery: true },
  problems: [400],
});
