import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Clock } from '@kompeten/platform';
import { FiscalYearQueryRequest } from '@kompeten/api';
import { GetUnitCostsQuery } from './get-unit-costs.query';

@ApiTags('reports')
@Controller('units')
export class GetUnitCostsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get(':opd/costs')
  @ApiOkResponse({
    description:
      'Money spent on completed training: cost per JP and per trained staff member, with their counts, overall and per programme',
  })
  costs(@Param('opd') opd: string, @Query() q: FiscalYearQueryRequest) {
    return this.queries.execute(new GetUnitCostsQuery(opd, q.fiscalYear ?? this.clock.now().getUTCFullYear()));
  }
}
