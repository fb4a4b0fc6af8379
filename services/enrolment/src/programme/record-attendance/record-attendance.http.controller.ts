import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { CommandAccepted, ParseNipPipe, RecordAttendanceRequest, accepted } from '@kompeten/api';
import { programmeStreamId } from '../programme.decider';
import { RecordAttendanceCommand } from './record-attendance.command';

@ApiTags('programmes')
@Controller('programmes')
export class RecordAttendanceController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':programmeId/enrolments/:nip/attendance')
  @ApiOperation({ summary: 'Record attendance (or absence) at one session' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiNotFoundResponse({ description: 'Unknown programme or enrolment' })
  @ApiConflictResponse({ description: 'Not possible in the current state (the body names it)' })
  async recordAttendance(
    @Param('programmeId') programmeId: string,
    @Param('nip', ParseNipPipe) nip: string,
    @Body() body: RecordAttendanceRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(
      new RecordAttendanceCommand(programmeId, nip, body.sessionId, body.attended, meta),
    );
    return accepted(res, programmeStreamId(programmeId), result);
  }
}
