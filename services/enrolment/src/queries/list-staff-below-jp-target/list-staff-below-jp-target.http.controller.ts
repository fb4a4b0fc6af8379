import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Clock } from '@kompeten/platform';
import { ListStaffBelowJpTargetQuery } from './list-staff-below-jp-target.query';
import { UnitYearQueryRequest } from '@kompeten/api';

@ApiTags('jp-ledger')
@Controller('jp-ledger')
export class ListStaffBelowJpTargetController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get('below-target')
  @ApiOkResponse({ description: 'Active PNS staff below 20 JP in the year, by unit' })
  list(@Query() q: UnitYearQueryRequest) {
    return this.queries.execute(
      new ListStaffBelowJpTargetQuery(q.year ?? this.clock.now().getUTCFullYear(), q.opd, q.serviceUnit),
    );
  }
}
