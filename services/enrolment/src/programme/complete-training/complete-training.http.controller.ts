import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { CommandAccepted, CompleteTrainingRequest, ParseNipPipe, accepted } from '@kompeten/api';
import { programmeStreamId } from '../programme.decider';
import { CompleteTrainingCommand } from './complete-training.command';

@ApiTags('programmes')
@Controller('programmes')
export class CompleteTrainingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':programmeId/enrolments/:nip/completion')
  @ApiOperation({ summary: 'Completion; the JP are credited to the ledger' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiNotFoundResponse({ description: 'Unknown programme or enrolment' })
  @ApiConflictResponse({ description: 'Not possible in the current state (the body names it)' })
  async completeTraining(
    @Param('programmeId') programmeId: string,
    @Param('nip', ParseNipPipe) nip: string,
    @Body() body: CompleteTrainingRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(new CompleteTrainingCommand(programmeId, nip, body.completedOn, meta));
    return accepted(res, programmeStreamId(programmeId), result);
  }
}
