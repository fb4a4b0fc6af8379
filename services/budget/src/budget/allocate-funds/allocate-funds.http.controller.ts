import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AllocationTarget } from '@kompeten/contracts';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { AllocateFundsRequest, CommandAccepted, accepted } from '@kompeten/api';
import { budgetStreamId } from '../budget.decider';
import { AllocateFundsCommand } from './allocate-funds.command';

@ApiTags('budgets')
@Controller('budgets')
export class AllocateFundsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':budgetId/allocations')
  @ApiOperation({
    summary:
      'Allocate part of the ceiling to a programme or a competency area (FundsAllocated); the allocation id is programme-<id> or area-<code>',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiBadRequestResponse({
    description: 'A wrong amount or target, or more than the unallocated ceiling (the body names the field)',
  })
  @ApiNotFoundResponse({ description: 'The unit has no such budget' })
  @ApiConflictResponse({ description: 'Budget closed, or that target already has an allocation (revise it)' })
  async allocate(
    @Param('budgetId') budgetId: string,
    @Body() body: AllocateFundsRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const target: AllocationTarget =
      body.programmeId !== undefined
        ? { kind: 'programme', programmeId: body.programmeId }
        : { kind: 'competency-area', competencyArea: body.competencyArea! };
    const result = await this.commands.execute(new AllocateFundsCommand(budgetId, target, body.amount, meta));
    return accepted(res, budgetStreamId(budgetId), result);
  }
}
