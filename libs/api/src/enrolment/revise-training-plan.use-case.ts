import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';
import { PlanLinesDto } from './plan-line.dto';

export class ReviseTrainingPlanRequest extends PlanLinesDto {
  @ApiProperty({
    example: 1,
    description: 'The revision the change was made on (409 when it is no longer the current one)',
  })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  revision: number;
  @ApiPropertyOptional({ example: 'Kuota klasikal dikurangi, ditambah e-learning', nullable: true })
  @IsOptional()
  @IsString()
  @Length(3, 1000)
  note?: string | null;
}

export const reviseTrainingPlan = defineUseCase({
  name: 'reviseTrainingPlan',
  service: 'enrolment',
  method: 'POST',
  path: '/units/:opd/training-plans/:year/revisions',
  tag: 'planning',
  summary:
    'The officer replaces the plan’s lines (a new revision, recording the lines added, removed and changed). A submitted or approved plan goes back to draft; the last approved lines stay in force until the head approves the new revision. 409 with the current revision when the one named has since changed.',
  params: { opd: PARAM.opd, year: PARAM.year },
  body: ReviseTrainingPlanRequest,
  response: CommandAcceptedSchema,
  alsoOk: 'The lines are the same as the current revision’s (appends nothing)',
  access: { roles: ['training-officer'], unitParam: 'opd' },
  problems: [400, 404, 409],
});
