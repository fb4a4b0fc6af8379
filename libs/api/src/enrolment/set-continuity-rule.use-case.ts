import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

export class SetContinuityRuleRequest {
  @ApiPropertyOptional({
    example: 'PUSKESMAS-GULAI-BANCAH',
    nullable: true,
    description: 'The service unit of the OPD the rule is for; absent or null: the OPD’s staff without a service unit',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/, { message: 'serviceUnit must be a unit code such as PUSKESMAS-GULAI-BANCAH' })
  serviceUnit?: string | null;
  @ApiPropertyOptional({
    example: 2,
    nullable: true,
    description: 'At most this many staff away for training on one day',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  maxAwayCount?: number | null;
  @ApiPropertyOptional({
    example: 0.2,
    nullable: true,
    description:
      'At most this share of the unit’s active staff away on one day (rounded down); with a count too, the lower wins',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  maxAwayShare?: number | null;
}

export const setContinuityRule = defineUseCase({
  name: 'setContinuityRule',
  service: 'enrolment',
  method: 'POST',
  path: '/units/:opd/continuity-rule',
  tag: 'releases',
  summary:
    'Sets how many of a service unit’s staff may be away for training on any one day (a puskesmas might release at most 2 nurses a day); releases that would break it are refused.',
  params: { opd: PARAM.opd },
  body: SetContinuityRuleRequest,
  response: CommandAcceptedSchema,
  alsoOk: 'The same rule was already set (appends nothing)',
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  problems: [400, 404, 409],
});
