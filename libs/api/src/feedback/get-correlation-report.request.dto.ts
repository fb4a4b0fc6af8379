import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '@kompeten/contracts';
import { PERIOD_MESSAGE, UnitFilterRequest } from './period-query.request.dto';

export class GetCorrelationReportRequest extends UnitFilterRequest {
  @ApiPropertyOptional({
    example: '2026-Q1',
    description: 'First period (its form sets the granularity); default: the current year',
  })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: `from ${PERIOD_MESSAGE}` })
  from?: string;

  @ApiPropertyOptional({ example: '2026-Q4', description: 'Last period, same granularity as from; default: from' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: `to ${PERIOD_MESSAGE}` })
  to?: string;

  @ApiPropertyOptional({
    description: 'Only unit-periods whose responses reach the Krejcie–Morgan target',
    default: false,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  adequateOnly?: boolean;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv']) format?:
    'json' | 'csv';

  @ApiPropertyOptional({
    enum: ['figures', 'observations'],
    default: 'figures',
    description: 'CSV only: the figures, or the unit-period rows behind them',
  })
  @IsOptional()
  @IsIn(['figures', 'observations'])
  table?: 'figures' | 'observations';
}
