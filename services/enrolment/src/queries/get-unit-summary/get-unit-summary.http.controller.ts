import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Clock } from '@kompeten/platform';
import { UnitYearQueryRequest } from '@kompeten/api';
import { GetUnitSummaryQuery } from './get-unit-summary.query';

@ApiTags('units')
@Controller('units')
export class GetUnitSummaryController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get(':opd/summary')
  @ApiOkResponse({ description: 'Participation, withdrawal reasons and JP coverage of a unit in a year' })
  summary(@Param('opd') opd: string, @Query() q: UnitYearQueryRequest) {
    return this.queries.execute(
      new GetUnitSummaryQuery(opd, q.year ?? this.clock.now().getUTCFullYear(), q.serviceUnit),
    );
  }
}
