import { Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata, expectedVersionFrom } from '@kompeten/platform';
import { accepted, CommandAccepted } from '@kompeten/api';
import { budgetStreamId } from '../budget.decider';
import { CloseBudgetCommand } from './close-budget.command';

@ApiTags('budgets')
@Controller('budgets')
export class CloseBudgetController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':budgetId/closure')
  @ApiOperation({
    summary:
      'Close the fiscal year: open commitments lapse (FundsReleased year-closed), then BudgetClosed; closing twice changes nothing',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiNotFoundResponse({ description: 'The unit has no such budget' })
  @ApiConflictResponse({ description: 'If-Match is stale' })
  async close(
    @Param('budgetId') budgetId: string,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
    @Headers('if-match') ifMatch?: string,
  ) {
    const result = await this.commands.execute(new CloseBudgetCommand(budgetId, meta, expectedVersionFrom(ifMatch)));
    return accepted(res, budgetStreamId(budgetId), result);
  }
}
