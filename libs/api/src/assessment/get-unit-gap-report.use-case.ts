import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { defineUseCase, Nullable, PARAM, Type } from '../use-case';

export class UnitGapReportRequest {
  @ApiPropertyOptional({ example: 'PUSKESMAS-GULAI-BANCAH', description: 'Only this service unit of the OPD' })
  @IsOptional()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/, { message: 'serviceUnit must be a unit code such as PUSKESMAS-GULAI-BANCAH' })
  serviceUnit?: string;
}

/** One competency across the unit's staff whose position requires it (means and gaps count assessed staff only). */
const UnitCompetencyGap = Type.Object({
  code: Type.String({ example: 'komunikasi' }),
  name: Type.String({ example: 'Komunikasi' }),
  staffRequired: Type.Integer(),
  assessed: Type.Integer(),
  notAssessed: Type.Integer(),
  withGap: Type.Integer(),
  meanRequiredLevel: Nullable(Type.Number()),
  meanAssessedLevel: Nullable(Type.Number({ description: 'Null until someone is assessed' })),
  meanGap: Nullable(Type.Number({ description: 'Null until someone is assessed' })),
  totalGap: Type.Integer(),
});

/** A staff member with at least one gap, and the competencies they fall short in. */
const StaffGaps = Type.Object({
  nip: Type.String({ example: '198609262015051001' }),
  position: Type.String({ example: 'Perawat Ahli Pertama' }),
  gaps: Type.Array(
    Type.Object({
      competencyCode: Type.String(),
      requiredLevel: Type.Integer(),
      assessedLevel: Nullable(Type.Integer()),
      gap: Nullable(Type.Integer()),
    }),
  ),
});

export const UnitGapReportSchema = Type.Object({
  opd: Type.String({ example: 'DINKES' }),
  serviceUnit: Nullable(Type.String({ example: 'PUSKESMAS-GULAI-BANCAH' })),
  headcount: Type.Integer({ description: 'Active staff of the unit' }),
  staffWithStandard: Type.Integer({ description: 'Active staff whose position has a standard' }),
  staffWithGap: Type.Integer(),
  competencies: Type.Array(UnitCompetencyGap, { description: 'Largest total gap first' }),
  staff: Type.Array(StaffGaps),
});

export const getUnitGapReport = defineUseCase({
  name: 'getUnitGapReport',
  service: 'assessment',
  method: 'GET',
  path: '/units/:opd/competency-gaps',
  tag: 'competencies and assessments',
  summary: 'A unit’s aggregated competency gaps — the input for training plans (PP 11/2017 art. 206)',
  params: { opd: PARAM.opd },
  query: UnitGapReportRequest,
  response: UnitGapReportSchema,
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  problems: [400],
});
