import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetUnitGapReportQuery } from './get-unit-gap-report.query';
import { UnitGapReportRequest } from '@kompeten/api';

@ApiTags('units')
@Controller('units')
export class GetUnitGapReportController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':opd/competency-gaps')
  @ApiOkResponse({
    description:
      'Per competency: staff required, assessed, with a gap, mean required/assessed level and gap, total gap; the staff who fall short',
  })
  report(@Param('opd') opd: string, @Query() q: UnitGapReportRequest) {
    return this.queries.execute(new GetUnitGapReportQuery(opd, q.serviceUnit ?? null));
  }
}
