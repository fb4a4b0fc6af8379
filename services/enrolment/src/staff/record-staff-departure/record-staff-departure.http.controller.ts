import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { CommandAccepted, ParseNipPipe, RecordStaffDepartureRequest, accepted } from '@kompeten/api';
import { staffStreamId } from '../staff.decider';
import { RecordStaffDepartureCommand } from './record-staff-departure.command';

@ApiTags('staff')
@Controller('staff')
export class RecordStaffDepartureController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':nip/departure')
  @ApiCreatedResponse({ type: CommandAccepted, description: 'Retirement or leaving recorded' })
  async depart(
    @Param('nip', ParseNipPipe) nip: string,
    @Body() body: RecordStaffDepartureRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(
      new RecordStaffDepartureCommand(nip, body.reason, body.effectiveOn, meta),
    );
    return accepted(res, staffStreamId(nip), result);
  }
}
