import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { defineUseCase, PARAM } from '../use-case';
import { FiscalYearQueryRequest } from './fiscal-year-query.request.dto';
import { UnitForecastSchema } from './unit-forecast.schema';

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

export const getUnitForecast = defineUseCase({
  name: 'getUnitForecast',
  service: 'budget',
  method: 'GET',
  path: '/units/:opd/forecast',
  tag: 'budgets',
  summary: 'When the unit’s budget runs out at the current commitment rate',
  params: { opd: PARAM.opd },
  query: GetUnitForecastRequest,
  response: UnitForecastSchema,
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  // 404: the unit has no open budget that year.
  problems: [400, 404],
});
