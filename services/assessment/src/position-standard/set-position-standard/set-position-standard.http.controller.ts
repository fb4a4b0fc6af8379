import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandAccepted, SetPositionStandardRequest, accepted } from '@kompeten/api';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata, expectedVersionFrom } from '@kompeten/platform';
import { positionStandardStreamId } from '../position-standard.decider';
import { positionKey } from '../required-level';
import { SetPositionStandardCommand } from './set-position-standard.command';

@ApiTags('position-standards')
@Controller('position-standards')
export class SetPositionStandardController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Set the required level per competency of a position (replaces the previous set; If-Match optional)',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiBadRequestResponse({
    description: 'A level outside 1..5, a competency named twice or missing from the dictionary',
  })
  async set(
    @Body() body: SetPositionStandardRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
    @Headers('if-match') ifMatch?: string,
  ) {
    const requirements = body.requirements.map(({ competencyCode, level }) => ({ competencyCode, level }));
    const result = await this.commands.execute(
      new SetPositionStandardCommand(body.position, requirements, meta, expectedVersionFrom(ifMatch)),
    );
    return accepted(res, positionStandardStreamId(positionKey(body.position)), result);
  }
}
