import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';
import { MAX_RUPIAH } from './codes';

export class ReviseAllocationRequest {
  @ApiProperty({
    example: 60_000_000,
    description: 'The new amount in rupiah: never below what is committed and spent, never past the ceiling',
  })
  @IsInt({ message: 'amount must be a whole number of rupiah' })
  @Min(0)
  @Max(MAX_RUPIAH)
  amount: number;
}

export const reviseAllocation = defineUseCase({
  name: 'reviseAllocation',
  service: 'budget',
  method: 'POST',
  path: '/budgets/:budgetId/allocations/:allocationId/revisions',
  tag: 'budgets',
  summary: 'Revise an allocation (never below what is committed and spent, never past the ceiling)',
  params: { budgetId: PARAM.id, allocationId: PARAM.id },
  body: ReviseAllocationRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
  ifMatch: true,
});
