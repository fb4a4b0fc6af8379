import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AllocateFundsRequest,
  CommandAccepted,
  FiscalYearQueryRequest,
  GetUnitForecastRequest,
  GetUtilisationRequest,
  OpenBudgetRequest,
  RecordExpenditureRequest,
  ReviseAllocationRequest,
} from '@kompeten/api';
import { Access } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { assertMayRead, scopedOpd } from '../auth/scope';
import { Forward } from '../downstream/forward';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { CommandRoute } from '../openapi/command.decorator';
import { IdPipe } from './id.pipe';
import { OpdPipe } from './opd.pipe';

@ApiTags('budgets')
@Controller('api/v1')
export class BudgetRoutes {
  constructor(private readonly forward: Forward) {}

  @Post('budgets')
  @Access({ roles: ['training-officer'] })
  @CommandRoute()
  @ApiOperation({
    summary: 'Open a fiscal-year training budget for an OPD and funding source, with its ceiling (integer rupiah)',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 409)
  open(@Body() body: OpenBudgetRequest, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    return this.forward.to('budget', 'POST', '/budgets', req, res, { body });
  }

  @Post('budgets/:budgetId/allocations')
  @Access({ roles: ['training-officer'] })
  @CommandRoute()
  @ApiOperation({ summary: 'Allocate part of the ceiling to a programme or a competency area' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409)
  allocate(
    @Param('budgetId', new IdPipe('budgetId')) id: string,
    @Body() body: AllocateFundsRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('budget', 'POST', `/budgets/${id}/allocations`, req, res, { body });
  }

  @Post('budgets/:budgetId/allocations/:allocationId/revisions')
  @Access({ roles: ['training-officer'] })
  @CommandRoute({ ifMatch: true })
  @ApiOperation({ summary: 'Revise an allocation (never below what is committed and spent, never past the ceiling)' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409)
  revise(
    @Param('budgetId', new IdPipe('budgetId')) id: string,
    @Param('allocationId', new IdPipe('allocationId')) allocationId: string,
    @Body() body: ReviseAllocationRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('budget', 'POST', `/budgets/${id}/allocations/${allocationId}/revisions`, req, res, {
      body,
    });
  }

  @Post('budgets/:budgetId/commitments/:commitmentId/expenditure')
  @Access({ roles: ['training-officer'] })
  @CommandRoute()
  @ApiOperation({
    summary: 'Record the actual cost of a commitment by hand (after an overrun was refused and the allocation revised)',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409)
  expenditure(
    @Param('budgetId', new IdPipe('budgetId')) id: string,
    @Param('commitmentId', new IdPipe('commitmentId')) commitmentId: string,
    @Body() body: RecordExpenditureRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('budget', 'POST', `/budgets/${id}/commitments/${commitmentId}/expenditure`, req, res, {
      body,
    });
  }

  @Post('budgets/:budgetId/closure')
  @Access({ roles: ['training-officer'] })
  @CommandRoute({ ifMatch: true })
  @ApiOperation({ summary: 'Close the fiscal year: open commitments lapse, nothing more is committed' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409)
  close(
    @Param('budgetId', new IdPipe('budgetId')) id: string,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('budget', 'POST', `/budgets/${id}/closure`, req, res, { body: {} });
  }

  @Get('budgets/:budgetId')
  @Access({ roles: ['training-officer', 'unit-head'] })
  @ApiOperation({ summary: 'A budget: ceiling, allocations, committed, spent, free (unit-heads: their OPD’s)' })
  @ApiOkResponse({ description: 'The budget' })
  @ApiProblems(400, 404)
  async get(
    @Param('budgetId', new IdPipe('budgetId')) id: string,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const budget = (await this.forward.to('budget', 'GET', `/budgets/${id}`, req, res)) as { opd?: string };
    assertMayRead(req.principal, { opd: budget.opd });
    return budget;
  }

  @Get('utilisation')
  @Access({ roles: ['training-officer', 'unit-head'], unitQuery: true })
  @ApiOperation({
    summary:
      'Utilisation per unit, programme or funding source: allocated, committed, spent, free (unit-heads: their OPD)',
  })
  @ApiOkResponse({ description: 'Utilisation' })
  @ApiProblems(400)
  utilisation(
    @Query() q: GetUtilisationRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('budget', 'GET', '/utilisation', req, res, {
      query: { ...q, opd: scopedOpd(req.principal, q.opd) },
    });
  }

  @Get('units/:opd/costs')
  @Access({ roles: ['training-officer', 'unit-head'], unitParam: 'opd' })
  @ApiOperation({ summary: 'Cost per JP and per trained staff member of a unit' })
  @ApiOkResponse({ description: 'Costs' })
  @ApiProblems(400)
  costs(
    @Param('opd', OpdPipe) opd: string,
    @Query() q: FiscalYearQueryRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('budget', 'GET', `/units/${opd}/costs`, req, res, { query: { ...q } });
  }

  @Get('units/:opd/forecast')
  @Access({ roles: ['training-officer', 'unit-head'], unitParam: 'opd' })
  @ApiOperation({ summary: 'When the unit’s budget runs out at the current commitment rate' })
  @ApiOkResponse({ description: 'The forecast' })
  @ApiProblems(400)
  forecast(
    @Param('opd', OpdPipe) opd: string,
    @Query() q: GetUnitForecastRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('budget', 'GET', `/units/${opd}/forecast`, req, res, { query: { ...q } });
  }
}
