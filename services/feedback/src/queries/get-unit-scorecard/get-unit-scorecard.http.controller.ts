import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Clock } from '@kompeten/platform';
import { periodOf } from '../../ikm/survey-period';
import { cityDate } from '../../shared/city-date';
import { periodOrFail } from '../../shared/parse-period.pipe';
import { PeriodQueryRequest } from '@kompeten/api';
import { GetUnitScorecardQuery } from './get-unit-scorecard.query';

@ApiTags('ikm')
@Controller('service-units')
export class GetUnitScorecardController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get(':unitCode/scorecard')
  @ApiOkResponse({
    description:
      'IKM (n, NRR per element, grade, Krejcie–Morgan target), staff training, published figure, previous period',
  })
  @ApiNotFoundResponse({ description: 'Unknown unit' })
  scorecard(@Param('unitCode') unitCode: string, @Query() q: PeriodQueryRequest) {
    const period = q.period ? periodOrFail(q.period, 'period') : periodOf(cityDate(this.clock.now()), 'quarter');
    return this.queries.execute(new GetUnitScorecardQuery(unitCode, period));
  }
}
