import { WorkUnitSchema } from '../shared/work-unit.schema';
import { defineUseCase, Type } from '../use-case';
import { UnitYearQueryRequest } from './unit-year-query.request.dto';

export const StaffBelowJpTargetSchema = Type.Object({
  year: Type.Integer({ example: 2026 }),
  target: Type.Integer({ example: 20, description: 'JP a year each PNS has a right to' }),
  count: Type.Integer(),
  staff: Type.Array(
    Type.Object({
      nip: Type.String(),
      workUnit: WorkUnitSchema,
      position: Type.String(),
      jpCompleted: Type.Integer(),
      jpMissing: Type.Integer(),
    }),
    { description: 'By OPD and service unit, the furthest behind first' },
  ),
});

export const listStaffBelowJpTarget = defineUseCase({
  name: 'listStaffBelowJpTarget',
  service: 'enrolment',
  method: 'GET',
  path: '/jp-ledger/below-target',
  tag: 'units',
  summary: 'Active PNS staff below their 20 JP in the year (default: the city’s current year; unit-heads: their unit)',
  params: {},
  query: UnitYearQueryRequest,
  response: StaffBelowJpTargetSchema,
  access: { roles: ['training-officer', 'unit-head'], unitQuery: true },
  problems: [400],
});
