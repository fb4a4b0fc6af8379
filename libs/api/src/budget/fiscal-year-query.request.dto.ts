import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class FiscalYearQueryRequest {
  @ApiPropertyOptional({
    example: 2026,
    description: 'Defaults to the city’s current fiscal year (CITY_TIME_ZONE, e.g. WIB)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear?: number;
}
