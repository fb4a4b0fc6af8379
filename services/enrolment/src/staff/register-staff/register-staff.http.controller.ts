import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { CommandAccepted, RegisterStaffRequest, accepted } from '@kompeten/api';
import { staffStreamId } from '../staff.decider';
import { RegisterStaffCommand } from './register-staff.command';

@ApiTags('staff')
@Controller('staff')
export class RegisterStaffController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiConflictResponse({ description: 'A staff member with this NIP is already registered' })
  async register(
    @Body() body: RegisterStaffRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(
      new RegisterStaffCommand(body.nip, body.name, body.employmentType, body.workUnit, body.position, meta),
    );
    return accepted(res, staffStreamId(body.nip), result);
  }
}
