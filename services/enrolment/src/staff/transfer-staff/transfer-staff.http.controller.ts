import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata, expectedVersionFrom } from '@kompeten/platform';
import { CommandAccepted, ParseNipPipe, TransferStaffRequest, accepted } from '@kompeten/api';
import { staffStreamId } from '../staff.decider';
import { TransferStaffCommand } from './transfer-staff.command';

@ApiTags('staff')
@Controller('staff')
export class TransferStaffController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':nip/transfers')
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiNotFoundResponse({ description: 'Unknown staff' })
  async transfer(
    @Param('nip', ParseNipPipe) nip: string,
    @Body() body: TransferStaffRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
    @Headers('if-match') ifMatch?: string,
  ) {
    const result = await this.commands.execute(
      new TransferStaffCommand(nip, body.to, body.position, body.effectiveOn, meta, expectedVersionFrom(ifMatch)),
    );
    return accepted(res, staffStreamId(nip), result);
  }
}
