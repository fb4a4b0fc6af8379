import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ParseNipPipe } from '@kompeten/api';
import { GetStaffProfileQuery } from './get-staff-profile.query';

@ApiTags('staff')
@Controller('staff')
export class GetStaffProfileController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':nip')
  @ApiOkResponse({ description: 'Profile with unit history, training history and the JP ledger per year' })
  @ApiNotFoundResponse({ description: 'Unknown staff' })
  profile(@Param('nip', ParseNipPipe) nip: string) {
    return this.queries.execute(new GetStaffProfileQuery(nip));
  }
}
