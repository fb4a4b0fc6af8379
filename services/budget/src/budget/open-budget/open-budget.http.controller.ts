import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { CommandAccepted, OpenBudgetRequest, accepted } from '@kompeten/api';
import { budgetStreamId } from '../budget.decider';
import { OpenBudgetCommand } from './open-budget.command';

@ApiTags('budgets')
@Controller('budgets')
export class OpenBudgetController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Open a fiscal-year training budget for an OPD and funding source, with its ceiling (BudgetOpened)',
  })
  @ApiCreatedResponse({
    type: CommandAccepted,
    description: 'Location names the budget: /budgets/<fiscalYear>-<opd>-<fundingSource>',
  })
  @ApiBadRequestResponse({ description: 'A field is missing or wrong (the body names it)' })
  @ApiConflictResponse({ description: 'That budget is already open' })
  async open(
    @Body() body: OpenBudgetRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { budgetId, result } = await this.commands.execute(
      new OpenBudgetCommand(body.fiscalYear, body.opd, body.fundingSource, body.ceiling, meta),
    );
    res.setHeader('Location', `/budgets/${budgetId}`);
    return { budgetId, ...accepted(res, budgetStreamId(budgetId), result) };
  }
}
