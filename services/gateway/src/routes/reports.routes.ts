import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { GetCorrelationReportRequest, UnitFilterRequest } from '@kompeten/api';
import { Access } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { Forward } from '../downstream/forward';
import { ApiProblems } from '../openapi/api-problems.decorator';

@ApiTags('reports')
@Controller('api/v1')
export class ReportRoutes {
  constructor(private readonly forward: Forward) {}

  @Get('league-table')
  @Access({ roles: ['training-officer', 'unit-head'] })
  @ApiOperation({ summary: 'The city’s service units by IKM; only units meeting their sample target are ranked' })
  @ApiOkResponse({ description: 'The league table' })
  @ApiProblems(400)
  leagueTable(
    @Query() q: UnitFilterRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('feedback', 'GET', '/league-table', req, res, { query: { ...q } });
  }

  @Get('correlation-report')
  @Access({ roles: ['training-officer'] })
  @ApiOperation({
    summary:
      'Training measures vs citizen satisfaction: correlations with n and 95% CI, difference-in-differences, cost per IKM point (JSON, or CSV with format=csv)',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'The report; small samples are marked' })
  @ApiProblems(400)
  correlation(
    @Query() q: GetCorrelationReportRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('feedback', 'GET', '/correlation-report', req, res, { query: { ...q } });
  }
}
