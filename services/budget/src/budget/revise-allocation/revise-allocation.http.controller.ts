import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
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
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata, expectedVersionFrom } from '@kompeten/platform';
import { CommandAccepted, ReviseAllocationRequest, accepted } from '@kompeten/api';
import { budgetStreamId } from '../budget.decider';
import { ReviseAllocationCommand } from './revise-allocation.command';

@ApiTags('budgets')
@Controller('budgets')
export class ReviseAllocationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':budgetId/allocations/:allocationId/revisions')
  @ApiOperation({
    summary: 'Revise an allocation (AllocationRevised): never below committed + spent, never past the ceiling',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiBadRequestResponse({
    description: 'A wrong amount, below what is used or past the ceiling (the body names the field)',
  })
  @ApiNotFoundResponse({ description: 'Unknown budget or allocation' })
  @ApiConflictResponse({ description: 'Budget closed, or If-Match is stale' })
  async revise(
    @Param('budgetId') budgetId: string,
    @Param('allocationId') allocationId: string,
    @Body() body: ReviseAllocationRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
    @Headers('if-match') ifMatch?: string,
  ) {
    const result = await this.commands.execute(
      new ReviseAllocationCommand(budgetId, allocationId, body.amount, meta, expectedVersionFrom(ifMatch)),
    );
    return accepted(res, budgetStreamId(budgetId), result);
  }
}
