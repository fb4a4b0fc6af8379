import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { ASSESSMENT_KINDS } from '@kompeten/contracts';
import { DateOnly, defineUseCase, Nullable, StringEnum, Type } from '../use-case';

const CODE = /^[A-Z0-9][A-Z0-9-]{1,63}$/;

export class OverdueAssessmentsRequest {
  @ApiPropertyOptional({
    example: '2026-06-01',
    description: 'Defaults to today (the city’s date); a date-time is read as the city’s date at that instant',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ example: 'DINKES' })
  @IsOptional()
  @Matches(CODE, { message: 'opd must be an OPD code such as DINKES' })
  opd?: string;

  @ApiPropertyOptional({ example: 'PUSKESMAS-GULAI-BANCAH' })
  @IsOptional()
  @Matches(CODE, { message: 'serviceUnit must be a unit code such as PUSKESMAS-GULAI-BANCAH' })
  serviceUnit?: string;
}

/** A scheduled assessment past its due date (unit null when the roster does not know the staff member yet). */
const MissingAssessment = Type.Object({
  assessmentId: Type.String(),
  nip: Type.String({ example: '198609262015051001' }),
  kind: StringEnum(ASSESSMENT_KINDS),
  competencyCode: Type.String({ example: 'manajemen-pasien' }),
  enrolmentId: Nullable(Type.String()),
  programmeId: Nullable(Type.String()),
  dueOn: DateOnly(),
  opd: Nullable(Type.String({ example: 'DINKES' })),
  serviceUnit: Nullable(Type.String({ example: 'PUSKESMAS-GULAI-BANCAH' })),
  daysOverdue: Type.Integer(),
});

export const OverdueAssessmentsSchema = Type.Object({
  asOf: DateOnly(),
  opd: Nullable(Type.String({ example: 'DINKES' })),
  serviceUnit: Nullable(Type.String({ example: 'PUSKESMAS-GULAI-BANCAH' })),
  recordedLate: Type.Integer({ description: 'Assessments recorded after their due date, up to asOf' }),
  truncated: Type.Boolean({ description: 'True when only the first 500 missing assessments are listed' }),
  missing: Type.Array(MissingAssessment, { description: 'Oldest due date first' }),
});

export const listOverdueAssessments = defineUseCase({
  name: 'listOverdueAssessments',
  service: 'assessment',
  method: 'GET',
  path: '/assessments/overdue',
  tag: 'competencies and assessments',
  summary: 'Late and missing assessments (unit-heads: their OPD)',
  params: {},
  query: OverdueAssessmentsRequest,
  response: OverdueAssessmentsSchema,
  access: { roles: ['training-officer', 'unit-head'], unitQuery: true },
  problems: [400],
});
