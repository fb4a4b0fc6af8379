import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { CommandAccepted, PublishProgrammeRequest, accepted } from '@kompeten/api';
import { programmeStreamId } from '../programme.decider';
import { PublishProgrammeCommand } from './publish-programme.command';

@ApiTags('programmes')
@Controller('programmes')
export class PublishProgrammeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiConflictResponse({ description: 'A programme with this id exists' })
  async publish(
    @Body() body: PublishProgrammeRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { programmeId, ...details } = body;
    const result = await this.commands.execute(
      new PublishProgrammeCommand(
        programmeId,
        {
          ...details,
          universityPartner: details.universityPartner ?? null,
          completionRule: details.completionRule
            ? { modules: details.completionRule.modules, minScore: details.completionRule.minScore ?? null }
            : null,
        },
        meta,
      ),
    );
    return accepted(res, programmeStreamId(programmeId), result);
  }
}
