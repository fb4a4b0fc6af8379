import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ServiceUnitEvent } from '@kompeten/contracts';
import { CommandAccepted, ReviseServiceUnitRequest, accepted } from '@kompeten/api';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';
import { CommandMetadata, expectedVersionFrom } from '@kompeten/platform';
import { serviceUnitStreamId } from '../service-unit.decider';
import { ReviseServiceUnitCommand } from './revise-service-unit.command';

@ApiTags('service units')
@Controller('service-units')
export class ReviseServiceUnitController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':unitCode/revisions')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The unit’s version you saw ("3"); 409 if it changed since',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiNotFoundResponse({ description: 'Unknown unit' })
  @ApiConflictResponse({ description: 'The unit changed since the version in If-Match' })
  async revise(
    @Param('unitCode') unitCode: string,
    @Body() body: ReviseServiceUnitRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result: HandleResult<ServiceUnitEvent> = await this.commands.execute(
      new ReviseServiceUnitCommand(unitCode, body, meta, expectedVersionFrom(ifMatch)),
    );
    return accepted(res, serviceUnitStreamId(unitCode), result);
  }
}
