import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ProgrammeDetails } from '@kompeten/contracts';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata, expectedVersionFrom } from '@kompeten/platform';
import { CommandAccepted, ReviseProgrammeRequest, accepted } from '@kompeten/api';
import { programmeStreamId } from '../programme.decider';
import { ReviseProgrammeCommand } from './revise-programme.command';

@ApiTags('programmes')
@Controller('programmes')
export class ReviseProgrammeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':programmeId/revisions')
  @ApiOperation({ summary: 'Revise catalogue details (never capacity below seats taken)' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiNotFoundResponse({ description: 'Unknown programme or enrolment' })
  @ApiConflictResponse({ description: 'Not possible in the current state (the body names it)' })
  async reviseProgramme(
    @Param('programmeId') programmeId: string,
    @Body() body: ReviseProgrammeRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
    @Headers('if-match') ifMatch?: string,
  ) {
    const result = await this.commands.execute(
      new ReviseProgrammeCommand(programmeId, body as Partial<ProgrammeDetails>, meta, expectedVersionFrom(ifMatch)),
    );
    return accepted(res, programmeStreamId(programmeId), result);
  }
}
