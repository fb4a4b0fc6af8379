import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Clock } from '@kompeten/platform';
import { GetUtilisationQuery } from './get-utilisation.query';
import { GetUtilisationRequest } from '@kompeten/api';

@ApiTags('reports')
@Controller('utilisation')
export class GetUtilisationController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({
    description: 'Per unit, funding source or programme: allocated, committed, spent, free and the share used',
  })
  utilisation(@Query() q: GetUtilisationRequest) {
    return this.queries.execute(
      new GetUtilisationQuery(q.fiscalYear ?? this.clock.now().getUTCFullYear(), q.by ?? 'unit', q.opd),
    );
  }
}
