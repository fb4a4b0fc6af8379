import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetProgrammeQuery } from './get-programme.query';

@ApiTags('programmes')
@Controller('programmes')
export class GetProgrammeController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':programmeId')
  @ApiOkResponse({ description: 'Details, seats, enrolments and waitlist' })
  @ApiNotFoundResponse({ description: 'Unknown programme' })
  get(@Param('programmeId') programmeId: string) {
    return this.queries.execute(new GetProgrammeQuery(programmeId));
  }
}
