import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type as ToNumber } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { SKM_ELEMENTS } from '@kompeten/contracts';
import { DateOnly, defineUseCase, Nullable, PARAM, StringEnum, Type } from '../use-case';
import { PlanLineSchema, PlanTotalsSchema, UnitCostsByForm } from './plan-line.schema';

/** `?year=` of a unit's planning reports: the fiscal year, by default the city's current one. */
export class PlanningYearQueryRequest {
  @ApiPropertyOptional({ example: 2026, description: 'Defaults to the city’s current year (its time zone, not UTC)' })
  @IsOptional()
  @ToNumber(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

const ServiceUnitSchema = Type.Object({
  unitCode: Type.String({ example: 'PKM-PLUS-MANDIANGIN' }),
  kind: Nullable(Type.String({ example: 'puskesmas' })),
  period: Nullable(Type.String({ example: '2026-Q3', description: 'Its latest closed SKM period; null: none yet' })),
  ikm: Nullable(Type.Number({ example: 74.2 })),
  grade: Nullable(StringEnum(['A', 'B', 'C', 'D'] as const)),
  weakElements: Type.Array(
    Type.Object({
      element: StringEnum(SKM_ELEMENTS),
      nrr: Type.Number({ example: 2.61 }),
      competencyArea: Type.String({ example: 'komunikasi', description: 'What a plan line trains for it' }),
    }),
    { description: 'The staff elements (u6, u7, u8) with NRR < 3.0644, the lower edge of grade B' },
  ),
});

export const NeedsAnalysisSchema = Type.Object({
  opd: Type.String({ example: 'DINKES' }),
  year: Type.Integer({ example: 2026 }),
  asOf: DateOnly({ description: 'The city date the read models were read on' }),
  inputs: Type.Object(
    {
      activeStaff: Type.Integer({ description: 'Active staff of the OPD registered by the end of the year' }),
      pns: Type.Integer({ description: 'Of them PNS (the 20-JP target applies to them only)' }),
      competencyGaps: Type.Integer({
        description: 'Open gaps (staff × competency) against the staff member’s current position',
      }),
      serviceUnits: Type.Array(ServiceUnitSchema, { description: 'The OPD’s service units (feedback), by code' }),
      expiringCertifications: Type.Integer({
        description: 'Certifications whose last valid day is in the year, not renewed',
      }),
      pnsBelowTarget: Type.Integer({ description: 'PNS with fewer than 20 JP credited in the year so far' }),
      unitCosts: UnitCostsByForm('Cost per JP by form, as the lines use it'),
    },
    { description: 'What the analysis read' },
  ),
  lines: Type.Array(PlanLineSchema, {
    description:
      'The proposed plan lines (competency gaps, weak SKM elements, expiring certifications, JP shortfalls), by priority then line id; a draft may take them as they are',
  }),
  totals: PlanTotalsSchema,
});

export const getNeedsAnalysis = defineUseCase({
  name: 'getNeedsAnalysis',
  service: 'enrolment',
  method: 'GET',
  path: '/units/:opd/needs-analysis',
  tag: 'planning',
  summary:
    'The training needs analysis (analisis kebutuhan pelatihan) of an OPD for a year: a proposed plan from competency gaps, weak SKM elements, expiring certifications and JP shortfalls, with forms and costs',
  params: { opd: PARAM.opd },
  query: PlanningYearQueryRequest,
  response: NeedsAnalysisSchema,
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  problems: [400],
});
