import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CommandAccepted,
  ListSurveyResponsesRequest,
  PeriodQueryRequest,
  RegisterServiceUnitRequest,
  ReviseServiceUnitRequest,
} from '@kompeten/api';
import { Access } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { assertMayRead } from '../auth/scope';
import { Forward } from '../downstream/forward';
import { UnitDirectory } from '../downstream/unit-directory';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { CommandRoute } from '../openapi/command.decorator';
import { UnitCodePipe } from './unit-code.pipe';

/** Only admins and the head of the unit's own OPD may read citizens' comments and contact details. */
const mayReadComments = (req: AuthenticatedRequest) =>
  Boolean(req.principal?.roles.some((r) => r === 'admin' || r === 'unit-head'));

@ApiTags('service units')
@Controller('api/v1/service-units')
export class ServiceUnitRoutes {
  constructor(
    private readonly forward: Forward,
    private readonly units: UnitDirectory,
  ) {}

  @Post()
  @Access({ roles: ['training-officer'] })
  @CommandRoute()
  @ApiOperation({ summary: 'Register a service unit (a puskesmas, a Disdukcapil counter …) with its services' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 409)
  register(
    @Body() body: RegisterServiceUnitRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('feedback', 'POST', '/service-units', req, res, { body });
  }

  @Post(':unitCode/revisions')
  @Access({ roles: ['training-officer'] })
  @CommandRoute({ ifMatch: true })
  @ApiOperation({ summary: 'Revise a service unit (name, services, yearly service users)' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409)
  revise(
    @Param('unitCode', UnitCodePipe) unitCode: string,
    @Body() body: ReviseServiceUnitRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('feedback', 'POST', `/service-units/${unitCode}/revisions`, req, res, { body });
  }

  @Post(':unitCode/periods/:period/closure')
  @Access({ roles: ['training-officer'] })
  @CommandRoute()
  @ApiOperation({ summary: 'Close a survey period and publish its IKM (later responses for it are refused)' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409)
  close(
    @Param('unitCode', UnitCodePipe) unitCode: string,
    @Param('period') period: string,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to(
      'feedback',
      'POST',
      `/service-units/${unitCode}/periods/${encodeURIComponent(period)}/closure`,
      req,
      res,
      { body: {} },
    );
  }

  @Get(':unitCode/scorecard')
  @Access({ roles: ['training-officer', 'unit-head'] })
  @ApiOperation({
    summary:
      'A unit’s scorecard: IKM, grade, element scores, sample adequacy, staff training (unit-heads: their OPD’s units)',
  })
  @ApiOkResponse({ description: 'The scorecard' })
  @ApiProblems(400, 404)
  async scorecard(
    @Param('unitCode', UnitCodePipe) unitCode: string,
    @Query() q: PeriodQueryRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const card = (await this.forward.to('feedback', 'GET', `/service-units/${unitCode}/scorecard`, req, res, {
      query: { ...q },
    })) as { unit?: { opd?: string } };
    assertMayRead(req.principal, { opd: card.unit?.opd });
    return card;
  }

  @Get(':unitCode/responses')
  @Access({ roles: ['training-officer', 'unit-head'] })
  @ApiOperation({ summary: 'A unit’s survey responses; comments and contacts only for admins and the unit’s own head' })
  @ApiOkResponse({ description: 'Responses, newest first' })
  @ApiProblems(400, 404)
  async responses(
    @Param('unitCode', UnitCodePipe) unitCode: string,
    @Query() q: ListSurveyResponsesRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    assertMayRead(req.principal, { opd: await this.units.opdOf(unitCode) });
    const includePersonal = Boolean(q.includePersonal) && mayReadComments(req);
    return this.forward.to('feedback', 'GET', `/service-units/${unitCode}/responses`, req, res, {
      query: { ...q, includePersonal },
    });
  }
}
