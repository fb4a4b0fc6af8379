import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { FUNDING_SOURCES, FundingSource } from '@kompeten/contracts';
import { CommandAcceptedSchema, defineUseCase, Type } from '../use-case';
import { MAX_RUPIAH, OPD_CODE } from './codes';

export class OpenBudgetRequest {
  @ApiProperty({
    example: 2026,
    description: 'From 2000 up to the city’s next fiscal year: next year’s budget can be opened before the year starts',
  })
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear: number;
  @ApiProperty({ example: 'DINKES', description: 'The OPD (work unit) whose training budget this is' })
  @Matches(OPD_CODE, { message: 'opd must be an OPD code such as DINKES' })
  opd: string;
  @ApiProperty({ enum: FUNDING_SOURCES }) @IsIn(FUNDING_SOURCES) fundingSource: FundingSource;
  @ApiProperty({ example: 250_000_000, description: 'Rupiah, a whole number above zero' })
  @IsInt({ message: 'ceiling must be a whole number of rupiah' })
  @Min(1)
  @Max(MAX_RUPIAH)
  ceiling: number;
}

export const openBudget = defineUseCase({
  name: 'openBudget',
  service: 'budget',
  method: 'POST',
  path: '/budgets',
  tag: 'budgets',
  summary: 'Open a fiscal-year training budget for an OPD and funding source, with its ceiling (integer rupiah)',
  params: {},
  body: OpenBudgetRequest,
  // Location names the budget too: /budgets/<fiscalYear>-<opd>-<fundingSource>.
  response: Type.Composite([
    Type.Object({
      budgetId: Type.String({ example: '2026-DINKES-APBD', description: '<fiscalYear>-<opd>-<fundingSource>' }),
    }),
    CommandAcceptedSchema,
  ]),
  access: { roles: ['training-officer'] },
  // 400 also for a fiscal year more than one year ahead of the city's (the decider knows the city's year).
  problems: [400, 409],
});
