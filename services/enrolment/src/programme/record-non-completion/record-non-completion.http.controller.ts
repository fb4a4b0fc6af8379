import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { CommandAccepted, ParseNipPipe, RecordNonCompletionRequest, accepted } from '@kompeten/api';
import { programmeStreamId } from '../programme.decider';
import { RecordNonCompletionCommand } from './record-non-completion.command';

@ApiTags('programmes')
@Controller('programmes')
export class RecordNonCompletionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':programmeId/enrolments/:nip/non-completion')
  @ApiOperation({ summary: 'The programme ended without completion for this staff member' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiNotFoundResponse({ description: 'Unknown programme or enrolment' })
  @ApiConflictResponse({ description: 'Not possible in the current state (the body names it)' })
  async recordNonCompletion(
    @Param('programmeId') programmeId: string,
    @Param('nip', ParseNipPipe) nip: string,
    @Body() body: RecordNonCompletionRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(new RecordNonCompletionCommand(programmeId, nip, body.reason, meta));
    return accepted(res, programmeStreamId(programmeId), result);
  }
}
