import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { CancelProgrammeRequest, CommandAccepted, accepted } from '@kompeten/api';
import { programmeStreamId } from '../programme.decider';
import { CancelProgrammeCommand } from './cancel-programme.command';

@ApiTags('programmes')
@Controller('programmes')
export class CancelProgrammeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':programmeId/cancellation')
  @ApiOperation({ summary: 'Cancel; enrolled and waitlisted staff are told through ProgrammeCancelled' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiNotFoundResponse({ description: 'Unknown programme or enrolment' })
  @ApiConflictResponse({ description: 'Not possible in the current state (the body names it)' })
  async cancelProgramme(
    @Param('programmeId') programmeId: string,
    @Body() body: CancelProgrammeRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(new CancelProgrammeCommand(programmeId, body.reason, meta));
    return accepted(res, programmeStreamId(programmeId), result);
  }
}
