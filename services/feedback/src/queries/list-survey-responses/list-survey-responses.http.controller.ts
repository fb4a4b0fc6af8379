import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Clock } from '@kompeten/platform';
import { periodOf } from '../../ikm/survey-period';
import { cityDate } from '../../shared/city-date';
import { periodOrFail } from '../../shared/parse-period.pipe';
import { ListSurveyResponsesQuery } from './list-survey-responses.query';
import { ListSurveyResponsesRequest } from '@kompeten/api';

@ApiTags('survey responses')
@Controller('service-units')
export class ListSurveyResponsesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get(':unitCode/responses')
  @ApiOkResponse({
    description: 'Responses of a unit in a period; comments and contact details only with includePersonal=true',
  })
  list(@Param('unitCode') unitCode: string, @Query() q: ListSurveyResponsesRequest) {
    const period = q.period ? periodOrFail(q.period, 'period') : periodOf(cityDate(this.clock.now()), 'quarter');
    return this.queries.execute(
      new ListSurveyResponsesQuery(unitCode, period, q.includePersonal ?? false, q.limit ?? 50, q.offset ?? 0),
    );
  }
}
