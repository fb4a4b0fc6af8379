import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { UnitYearQueryRequest } from '@kompeten/api';
import { Access } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { scopedOpd } from '../auth/scope';
import { Forward } from '../downstream/forward';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { OpdPipe } from './opd.pipe';

@ApiTags('units')
@Controller('api/v1')
export class UnitRoutes {
  constructor(private readonly forward: Forward) {}

  @Get('units/:opd/summary')
  @Access({ roles: ['training-officer', 'unit-head'], unitParam: 'opd' })
  @ApiOperation({ summary: 'A unit’s year: participation, withdrawal reasons, JP coverage' })
  @ApiOkResponse({ description: 'The summary' })
  @ApiProblems(400)
  summary(
    @Param('opd', OpdPipe) opd: string,
    @Query() q: UnitYearQueryRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('enrolment', 'GET', `/units/${opd}/summary`, req, res, {
      query: { year: q.year, serviceUnit: q.serviceUnit },
    });
  }

  @Get('jp-ledger/below-target')
  @Access({ roles: ['training-officer', 'unit-head'], unitQuery: true })
  @ApiOperation({ summary: 'Active PNS staff below their 20 JP in the year (unit-heads: their unit)' })
  @ApiOkResponse({ description: 'Staff below target' })
  @ApiProblems(400)
  belowTarget(
    @Query() q: UnitYearQueryRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('enrolment', 'GET', '/jp-ledger/below-target', req, res, {
      query: { ...q, opd: scopedOpd(req.principal, q.opd) },
    });
  }
}
