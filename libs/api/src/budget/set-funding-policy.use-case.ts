import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { FUNDING_SOURCES, type FundingSource } from '@kompeten/contracts';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

export const FUNDING_MODES = ['first-come', 'by-need'] as const;

export class SetFundingPolicyRequest {
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiPropertyOptional({ enum: FUNDING_SOURCES, default: 'APBD' })
  @IsOptional()
  @IsIn(FUNDING_SOURCES)
  fundingSource?: FundingSource;
  @ApiProperty({
    enum: FUNDING_MODES,
    description:
      'first-come: each request decided on arrival (the default); by-need: requests held and decided together each window, highest priority score first',
  })
  @IsIn(FUNDING_MODES)
  mode: (typeof FUNDING_MODES)[number];
  @ApiPropertyOptional({ example: 7, description: 'Days per decision window, 1..92; required for by-need' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(92)
  windowDays?: number;
  @ApiPropertyOptional({
    example: '2027-01-04',
    description: 'By-need: the first window starts this city date (default today); decided every windowDays days after',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'windowsFrom must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'windowsFrom must be a real date' })
  windowsFrom?: string;
}

export const setFundingPolicy = defineUseCase({
  name: 'setFundingPolicy',
  service: 'budget',
  method: 'POST',
  path: '/units/:opd/funding-policy',
  tag: 'budgets',
  summary:
    'How the unit’s budget decides funds requests when they exceed what is left: first-come, or by need in decision windows (back to first-come decides the held requests in arrival order)',
  params: { opd: PARAM.opd },
  body: SetFundingPolicyRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  // 404: no such budget; 409: the budget is closed.
  problems: [400, 404, 409],
});
