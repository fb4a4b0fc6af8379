import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';
import { PlanRevisionDto } from './plan-line.dto';

export class ReturnTrainingPlanRequest extends PlanRevisionDto {
  @ApiProperty({ example: 'Prioritaskan puskesmas dengan IKM terendah' })
  @IsString()
  @Length(3, 1000)
  reason: string;
}

export const returnTrainingPlan = defineUseCase({
  name: 'returnTrainingPlan',
  service: 'enrolment',
  method: 'POST',
  path: '/units/:opd/training-plans/:year/return',
  tag: 'planning',
  summary:
    'The head of the OPD sends the submitted revision back to the officer with a reason (409 with the current revision when it has since changed or is not submitted).',
  params: { opd: PARAM.opd, year: PARAM.year },
  body: ReturnTrainingPlanRequest,
  response: CommandAcceptedSchema,
  alsoOk: 'That revision is already returned (appends nothing)',
  access: { roles: ['unit-head'], unitParam: 'opd' },
  problems: [400, 404, 409],
});
