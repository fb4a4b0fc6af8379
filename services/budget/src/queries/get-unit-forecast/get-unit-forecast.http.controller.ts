import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Clock } from '@kompeten/platform';
import { GetUnitForecastQuery } from './get-unit-forecast.query';
import { GetUnitForecastRequest } from '@kompeten/api';

@ApiTags('reports')
@Controller('units')
export class GetUnitForecastController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get(':opd/forecast')
  @ApiOkResponse({
    description: 'Free money in the unit’s open budgets and the date it runs out at the recent commitment rate',
  })
  @ApiNotFoundResponse({ description: 'The unit has no open budget that year' })
  forecast(@Param('opd') opd: string, @Query() q: GetUnitForecastRequest) {
    const now = this.clock.now();
    return this.queries.execute(
      new GetUnitForecastQuery(opd, q.fiscalYear ?? now.getUTCFullYear(), q.windowDays ?? 30, now),
    );
  }
}
