import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';
import { IsBusinessDate } from './business-date.validator';
import { PlanLinesDto } from './plan-line.dto';

export class DraftTrainingPlanRequest extends PlanLinesDto {
  @ApiProperty({ example: 2026, description: 'The fiscal year planned' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-01-15',
    nullable: true,
    description: 'The asOf of the needs analysis the lines came from; absent or null: typed in',
  })
  @IsOptional()
  @IsBusinessDate()
  proposedAsOf?: string | null;
}

export const draftTrainingPlan = defineUseCase({
  name: 'draftTrainingPlan',
  service: 'enrolment',
  method: 'POST',
  path: '/units/:opd/training-plans',
  tag: 'planning',
  summary:
    'The training officer drafts an OPD’s training plan for a fiscal year (revision 1), usually from the needs analysis: lines of competency area, people, form, JP and cost per JP (the estimated rupiah are computed). 400 names the line and field (an unknown competency, a negative or fractional head count, rupiah too large to be exact); 409 when the year already has a plan.',
  params: { opd: PARAM.opd },
  body: DraftTrainingPlanRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'], unitParam: 'opd' },
  problems: [400, 409],
});
