import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetBudgetQuery } from './get-budget.query';

@ApiTags('budgets')
@Controller('budgets')
export class GetBudgetController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':budgetId')
  @ApiOkResponse({ description: 'Ceiling, unallocated, allocated, committed, spent, free; each allocation likewise' })
  @ApiNotFoundResponse({ description: 'Unknown budget' })
  get(@Param('budgetId') budgetId: string) {
    return this.queries.execute(new GetBudgetQuery(budgetId));
  }
}
