import { FUNDING_SOURCES } from '@kompeten/contracts';
import { defineUseCase, PARAM, StringEnum, Type } from '../use-case';
import { Rupiah, UsageSchema } from './money.schema';

/** What an allocation is for: one programme's own money, or any programme of a competency area. */
const AllocationTargetSchema = Type.Union([
  Type.Object({ kind: StringEnum(['programme']), programmeId: Type.String({ example: 'kom-efektif-2026' }) }),
  Type.Object({
    kind: StringEnum(['competency-area']),
    competencyArea: Type.String({ example: 'disaster-management' }),
  }),
]);

const AllocationSchema = Type.Composite([
  Type.Object({
    allocationId: Type.String({ example: 'programme-kom-efektif-2026', description: 'programme-<id> or area-<code>' }),
    target: AllocationTargetSchema,
  }),
  UsageSchema,
]);

export const BudgetViewSchema = Type.Composite([
  Type.Object({
    budgetId: Type.String({ example: '2026-DINKES-APBD' }),
    fiscalYear: Type.Integer({ example: 2026 }),
    opd: Type.String({ example: 'DINKES' }),
    fundingSource: StringEnum(FUNDING_SOURCES),
    status: StringEnum(['open', 'closed']),
    ceiling: Rupiah({ example: 250_000_000 }),
    unallocated: Rupiah({ example: 150_000_000, description: 'ceiling − allocated' }),
  }),
  UsageSchema,
  Type.Object({
    rejections: Type.Integer({ description: 'Commitments refused for lack of money' }),
    waiting: Type.Integer({
      description: 'Funds requests waiting in this budget’s queue: committed in order as money comes free',
    }),
    allocations: Type.Array(AllocationSchema, { description: 'By allocation id' }),
  }),
]);

export const getBudget = defineUseCase({
  name: 'getBudget',
  service: 'budget',
  method: 'GET',
  path: '/budgets/:budgetId',
  tag: 'budgets',
  summary: 'A budget: ceiling, allocations, committed, spent, free (unit-heads: their OPD’s)',
  params: { budgetId: PARAM.id },
  response: BudgetViewSchema,
  access: { roles: ['training-officer', 'unit-head'], owner: { opd: 'opd' } },
  problems: [400, 404],
});
