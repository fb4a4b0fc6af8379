import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { FiscalYearQueryRequest } from './fiscal-year-query.request.dto';

export class GetUnitForecastRequest extends FiscalYearQueryRequest {
  @ApiPropertyOptional({
    example: 30,
    default: 30,
    description: 'How many recent days the commitment rate is measured over',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  windowDays?: number;
}
