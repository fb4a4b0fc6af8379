import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';
import { MAX_RUPIAH } from './codes';

export class RecordExpenditureRequest {
  @ApiProperty({
    example: 1_450_000,
    description: 'The actual cost in rupiah (may differ from the commitment, within the allocation)',
  })
  @IsInt({ message: 'amount must be a whole number of rupiah' })
  @Min(0)
  @Max(MAX_RUPIAH)
  amount: number;
  @ApiProperty({ example: 24, description: 'Lesson hours delivered (for the cost per JP)' })
  @IsInt()
  @Min(0)
  @Max(1000)
  jp: number;
}

export const recordExpenditure = defineUseCase({
  name: 'recordExpenditure',
  service: 'budget',
  method: 'POST',
  path: '/budgets/:budgetId/commitments/:commitmentId/expenditure',
  tag: 'budgets',
  summary: 'Record the actual cost of a commitment by hand (after an overrun was refused and the allocation revised)',
  params: { budgetId: PARAM.id, commitmentId: PARAM.id },
  body: RecordExpenditureRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
});
