import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { CommandAccepted, ParseNipPipe, RecordLearningProgressRequest, accepted } from '@kompeten/api';
import { programmeStreamId } from '../programme.decider';
import { RecordLearningProgressCommand } from './record-learning-progress.command';

@ApiTags('programmes')
@Controller('programmes')
export class RecordLearningProgressController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':programmeId/enrolments/:nip/statements')
  @ApiOperation({
    summary: 'A self-paced learning statement (xAPI-like); a resend with the same statementId is applied once',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiNotFoundResponse({ description: 'Unknown programme or enrolment' })
  @ApiConflictResponse({ description: 'Not possible in the current state (the body names it)' })
  async recordLearningProgress(
    @Param('programmeId') programmeId: string,
    @Param('nip', ParseNipPipe) nip: string,
    @Body() body: RecordLearningProgressRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(new RecordLearningProgressCommand(programmeId, nip, body, meta));
    return accepted(res, programmeStreamId(programmeId), result);
  }
}
