import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListPositionStandardsQuery } from './list-position-standards.query';

@ApiTags('position-standards')
@Controller('position-standards')
export class ListPositionStandardsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({
    description: '{ positions: [{ positionKey, position, requirements: [{ competencyCode, level }], setAt }] }',
  })
  list() {
    return this.queries.execute(new ListPositionStandardsQuery());
  }
}
