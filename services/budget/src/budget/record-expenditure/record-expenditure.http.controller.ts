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
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { CommandAccepted, RecordExpenditureRequest, accepted } from '@kompeten/api';
import { budgetStreamId } from '../budget.decider';
import { RecordExpenditureCommand } from './record-expenditure.command';

@ApiTags('budgets')
@Controller('budgets')
export class RecordExpenditureController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':budgetId/commitments/:commitmentId/expenditure')
  @ApiOperation({
    summary:
      'Record the actual cost of one commitment by hand (ExpenditureRecorded), e.g. after an overrun was rejected and the allocation revised',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiBadRequestResponse({
    description:
      'A wrong amount, or more than the commitment plus the allocation’s free money (the body names the field)',
  })
  @ApiNotFoundResponse({ description: 'Unknown budget or commitment' })
  @ApiConflictResponse({ description: 'Budget closed, or the commitment is already released or spent' })
  async record(
    @Param('budgetId') budgetId: string,
    @Param('commitmentId') commitmentId: string,
    @Body() body: RecordExpenditureRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(
      new RecordExpenditureCommand(budgetId, commitmentId, body.amount, body.jp, meta),
    );
    return accepted(res, budgetStreamId(budgetId), result);
  }
}
