import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { CommandAccepted, ParseNipPipe, WithdrawEnrolmentRequest, accepted } from '@kompeten/api';
import { programmeStreamId } from '../programme.decider';
import { WithdrawEnrolmentCommand } from './withdraw-enrolment.command';

@ApiTags('programmes')
@Controller('programmes')
export class WithdrawEnrolmentController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':programmeId/enrolments/:nip/withdrawal')
  @ApiOperation({ summary: 'Withdraw, with a reason (workload, illness, transfer, other + note)' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiNotFoundResponse({ description: 'Unknown programme or enrolment' })
  @ApiConflictResponse({ description: 'Not possible in the current state (the body names it)' })
  async withdrawEnrolment(
    @Param('programmeId') programmeId: string,
    @Param('nip', ParseNipPipe) nip: string,
    @Body() body: WithdrawEnrolmentRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(
      new WithdrawEnrolmentCommand(programmeId, nip, body.reason, body.note ?? null, meta),
    );
    return accepted(res, programmeStreamId(programmeId), result);
  }
}
