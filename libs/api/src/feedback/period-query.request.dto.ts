import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { SERVICE_UNIT_KINDS } from '@kompeten/contracts';
import { PERIOD_PATTERN } from '@kompeten/contracts';
import { UNIT_CODE } from '@kompeten/contracts';

const PERIOD_MESSAGE = 'must be a month (2026-03), a quarter (2026-Q1) or a year (2026)';

export class PeriodQueryRequest {
  @ApiPropertyOptional({
    example: '2026-Q1',
    description: 'A month (2026-03), quarter (2026-Q1) or year (2026); default: the current quarter',
  })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: `period ${PERIOD_MESSAGE}` })
  period?: string;
}

export class UnitFilterRequest extends PeriodQueryRequest {
  @ApiPropertyOptional({ example: 'DINKES' })
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'opd must be an OPD code such as DINKES' })
  opd?: string;
  @ApiPropertyOptional({ enum: SERVICE_UNIT_KINDS }) @IsOptional() @IsIn(SERVICE_UNIT_KINDS) kind?: string;
}

export { PERIOD_MESSAGE };
