import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandAccepted, DefineCompetencyRequest, accepted } from '@kompeten/api';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { competencyStreamId } from '../competency.decider';
import { DefineCompetencyCommand } from './define-competency.command';

@ApiTags('competencies')
@Controller('competencies')
export class DefineCompetencyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Define a teknis competency of the agency (the 9 national ones are preloaded)' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiConflictResponse({ description: 'Already defined, or a national competency' })
  async define(
    @Body() body: DefineCompetencyRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(
      new DefineCompetencyCommand(body.code, body.name, body.description ?? null, body.levelDescriptions ?? null, meta),
    );
    return accepted(res, competencyStreamId(body.code), result);
  }
}
