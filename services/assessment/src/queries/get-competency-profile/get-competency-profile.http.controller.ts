import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ParseNipPipe } from '@kompeten/api';
import { GetCompetencyProfileQuery } from './get-competency-profile.query';

@ApiTags('staff')
@Controller('staff')
export class GetCompetencyProfileController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':nip/competency-profile')
  @ApiOkResponse({
    description:
      'Per competency: required and current level, gap, certification; per programme: pre, post, on-the-job and the learning gain; every assessment',
  })
  @ApiNotFoundResponse({ description: 'Staff not on the roster' })
  profile(@Param('nip', ParseNipPipe) nip: string) {
    return this.queries.execute(new GetCompetencyProfileQuery(nip));
  }
}
