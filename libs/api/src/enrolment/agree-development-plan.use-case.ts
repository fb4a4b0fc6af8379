import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsNip } from '../shared/nip.validator';
import { defineUseCase, PARAM } from '../use-case';
import { DevelopmentPlanAcceptedSchema } from './propose-development-plan.use-case';

export class AgreeDevelopmentPlanRequest {
  @ApiProperty({ example: '198609262015051001' })
  @IsNip()
  nip: string;
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
  @ApiProperty({ example: 1, description: 'The revision agreed to (409 when it is no longer the current one)' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  revision: number;
}

export const agreeDevelopmentPlan = defineUseCase({
  name: 'agreeDevelopmentPlan',
  service: 'enrolment',
  method: 'POST',
  path: '/units/:opd/development-plan-agreements',
  tag: 'planning',
  summary:
    'The head of the staff member’s OPD agrees to the named revision of their development plan. 403 `staff-of-another-unit` for a staff member of another OPD; 409 with the current revision when the plan has changed since.',
  params: { opd: PARAM.opd },
  body: AgreeDevelopmentPlanRequest,
  response: DevelopmentPlanAcceptedSchema,
  alsoOk: 'That revision is already agreed (appends nothing)',
  access: { roles: ['unit-head'], unitParam: 'opd' },
  problems: [400, 404, 409],
});
