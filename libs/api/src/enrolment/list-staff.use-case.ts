import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { EMPLOYMENT_TYPES, type EmploymentType } from '@kompeten/contracts';
import { OPD_CODE } from '../budget/codes';
import { IsCursor, Page, PageQuery } from '../shared/page';
import { defineUseCase, Nullable, StringEnum, Type } from '../use-case';
import { QueryBoolean } from './list-programmes.use-case';

export class ListStaffRequest extends PageQuery {
  @ApiPropertyOptional({ example: 'DINKES', description: 'Unit-heads: their own OPD (filled in when absent)' })
  @IsOptional()
  @Matches(OPD_CODE)
  opd?: string;
  @ApiPropertyOptional({ example: 'PUSKESMAS-GULAI-BANCAH' }) @IsOptional() @Matches(OPD_CODE) serviceUnit?: string;
  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES })
  @IsOptional()
  @IsIn(EMPLOYMENT_TYPES)
  employmentType?: EmploymentType;
  @ApiPropertyOptional({ enum: ['active', 'left'] }) @IsOptional() @IsIn(['active', 'left']) status?: 'active' | 'left';
  @ApiPropertyOptional({ description: 'PNS in service below their 20 JP in the city’s current year (or not)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  belowJpTarget?: boolean;
  @ApiPropertyOptional({
    description: 'With at least one competency gap against their current position’s standard (or none)',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  competencyGap?: boolean;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsCursor(1) cursor?: string;
  /** Set by the gateway only for roles that may read names (it overwrites what a caller sends). */
  @ApiHideProperty()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeNames?: boolean;
}

export const StaffSummarySchema = Type.Object({
  nip: Type.String({ example: '198609262015051001' }),
  name: Nullable(
    Type.String({
      description:
        'Personal data: for training officers, admins and the head of the staff member’s OPD; null for other roles and once erased',
    }),
  ),
  employmentType: StringEnum(EMPLOYMENT_TYPES),
  opd: Type.String(),
  serviceUnit: Nullable(Type.String()),
  position: Type.String(),
  status: StringEnum(['active', 'left']),
  jpThisYear: Type.Integer({ description: 'JP completed in the city’s current calendar year' }),
  belowJpTarget: Type.Boolean({ description: 'PNS in service below 20 JP this year (PPPK have a cap, not a target)' }),
  hasCompetencyGap: Type.Boolean({ description: 'Assessed below a level their current position requires' }),
});

export const listStaff = defineUseCase({
  name: 'listStaff',
  service: 'enrolment',
  method: 'GET',
  path: '/staff',
  tag: 'staff',
  summary:
    'The staff roster, filtered and paged by NIP (a stable cursor): unit, employment type, below the JP target, with a competency gap (unit-heads: their own OPD)',
  params: {},
  query: ListStaffRequest,
  response: Page(StaffSummarySchema),
  access: { roles: ['training-officer', 'unit-head'], unitQuery: true },
  problems: [400],
});
