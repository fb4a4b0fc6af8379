import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { FUNDING_SOURCES, type FundingSource } from '@kompeten/contracts';
import { DateOnly, defineUseCase, Nullable, PARAM, Type } from '../use-case';
import { FundingDecisionSchema } from './list-funding-decisions.use-case';

export class DecideFundingWindowRequest {
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ enum: FUNDING_SOURCES, default: 'APBD' })
  @IsOptional()
  @IsIn(FUNDING_SOURCES)
  fundingSource?: FundingSource;
  @ApiPropertyOptional({
    example: '2027-01-11',
    description:
      'The window’s decision day, not after today (the default): decides the requests held with a request date on or before it',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decisionDay must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'decisionDay must be a real date' })
  decisionDay?: string;
}

export const DecidedFundingWindowSchema = Type.Object({
  budgetId: Type.String({ example: '2027-DINSOS-APBD' }),
  streamId: Type.String({ example: 'budget-2027-DINSOS-APBD' }),
  version: Type.Integer(),
  events: Type.Array(Type.String(), {
    description: 'Appended now: empty when the day was decided before (its recorded decisions are answered)',
  }),
  decisionDay: DateOnly({ description: 'The window’s decision day (a city date)' }),
  decidedOn: Nullable(DateOnly({ description: 'Null: nothing was held and nothing could be funded' })),
  scoreVersion: Type.Integer({ example: 1 }),
  decisions: Type.Array(FundingDecisionSchema, { description: 'In rank order' }),
});

export const decideFundingWindow = defineUseCase({
  name: 'decideFundingWindow',
  service: 'budget',
  method: 'POST',
  path: '/units/:opd/funding-windows',
  tag: 'budgets',
  summary:
    'Funding by need: rank the window’s requests by priority score and fund them in rank order while money lasts (deciding the same day again answers the same decisions)',
  params: { opd: PARAM.opd },
  body: DecideFundingWindowRequest,
  response: DecidedFundingWindowSchema,
  status: 200,
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  // 404: no such budget; 409: it funds first-come, or is closed.
  problems: [400, 404, 409],
});
