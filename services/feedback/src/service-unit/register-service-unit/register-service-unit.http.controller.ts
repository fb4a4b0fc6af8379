import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ServiceUnitEvent } from '@kompeten/contracts';
import { CommandAccepted, RegisterServiceUnitRequest, accepted } from '@kompeten/api';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { serviceUnitStreamId } from '../service-unit.decider';
import { RegisterServiceUnitCommand } from './register-service-unit.command';

@ApiTags('service units')
@Controller('service-units')
export class RegisterServiceUnitController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiConflictResponse({ description: 'A unit with this code is already registered' })
  async register(
    @Body() body: RegisterServiceUnitRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { unitCode, ...details } = body;
    const result: HandleResult<ServiceUnitEvent> = await this.commands.execute(
      new RegisterServiceUnitCommand(unitCode, details, meta),
    );
    return accepted(res, serviceUnitStreamId(unitCode), result);
  }
}
