import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { CommandAccepted, EnrolStaffRequest, accepted } from '@kompeten/api';
import { programmeStreamId } from '../programme.decider';
import { EnrolStaffCommand } from './enrol-staff.command';

@ApiTags('programmes')
@Controller('programmes')
export class EnrolStaffController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':programmeId/enrolments')
  @ApiOperation({
    summary: 'Enrol a staff member: a seat (StaffEnrolled, confirmed once the budget commits) or the waitlist',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiNotFoundResponse({ description: 'Unknown staff or programme' })
  @ApiConflictResponse({ description: 'Already enrolled, programme cancelled, or staff has left' })
  async enrol(
    @Param('programmeId') programmeId: string,
    @Body() body: EnrolStaffRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(new EnrolStaffCommand(programmeId, body.nip, meta));
    return accepted(res, programmeStreamId(programmeId), result);
  }
}
