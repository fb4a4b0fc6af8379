import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';
import { COMPETENCY_AREA, MAX_RUPIAH, PROGRAMME_ID } from './codes';
import { OneOf } from './one-of.validator';

const TARGET = ['programmeId', 'competencyArea'];

/** Either a programme (its own money) or a competency area (any programme in it), not both. */
export class AllocateFundsRequest {
  @ApiPropertyOptional({ example: 'kom-efektif-2026' })
  @OneOf(TARGET, PROGRAMME_ID, 'a programme id such as kom-efektif-2026')
  programmeId?: string;
  @ApiPropertyOptional({ example: 'patient-management' })
  @OneOf(TARGET, COMPETENCY_AREA, 'a competency area code such as disaster-management')
  competencyArea?: string;
  @ApiProperty({
    example: 45_000_000,
    description: 'Rupiah, a whole number above zero; all allocations together stay within the ceiling',
  })
  @IsInt({ message: 'amount must be a whole number of rupiah' })
  @Min(1)
  @Max(MAX_RUPIAH)
  amount: number;
}

export const allocateFunds = defineUseCase({
  name: 'allocateFunds',
  service: 'budget',
  method: 'POST',
  path: '/budgets/:budgetId/allocations',
  tag: 'budgets',
  summary: 'Allocate part of the ceiling to a programme or a competency area',
  params: { budgetId: PARAM.id },
  body: AllocateFundsRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
});
