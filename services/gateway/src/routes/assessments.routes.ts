import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CommandAccepted,
  DefineCompetencyRequest,
  ExpireCertificationsRequest,
  OverdueAssessmentsRequest,
  ParseNipPipe,
  RecordAssessmentResultRequest,
  ScheduleAssessmentRequest,
  SetPositionStandardRequest,
  UnitGapReportRequest,
} from '@kompeten/api';
import { Access } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { assertMayRead, scopedOpd } from '../auth/scope';
import { Forward } from '../downstream/forward';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { CommandRoute } from '../openapi/command.decorator';
import { IdPipe } from './id.pipe';
import { OpdPipe } from './opd.pipe';

@ApiTags('competencies and assessments')
@Controller('api/v1')
export class AssessmentRoutes {
  constructor(private readonly forward: Forward) {}

  @Get('competencies')
  @Access({ roles: ['training-officer', 'unit-head', 'staff'] })
  @ApiOperation({
    summary:
      'The competency dictionary: 8 manajerial + 1 sosial-kultural (PermenPANRB 38/2017) and the agency’s teknis ones, levels 1–5',
  })
  @ApiOkResponse({ description: 'The dictionary' })
  @ApiProblems()
  dictionary(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    return this.forward.to('assessment', 'GET', '/competencies', req, res);
  }

  @Post('competencies')
  @Access({ roles: ['training-officer'] })
  @CommandRoute()
  @ApiOperation({ summary: 'Define a teknis competency of the agency' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 409)
  define(
    @Body() body: DefineCompetencyRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('assessment', 'POST', '/competencies', req, res, { body });
  }

  @Get('position-standards')
  @Access({ roles: ['training-officer', 'unit-head', 'staff'] })
  @ApiOperation({ summary: 'Required competency levels per position' })
  @ApiOkResponse({ description: 'Standards' })
  @ApiProblems()
  standards(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    return this.forward.to('assessment', 'GET', '/position-standards', req, res);
  }

  @Post('position-standards')
  @Access({ roles: ['training-officer'] })
  @CommandRoute({ ifMatch: true })
  @ApiOperation({ summary: 'Set the required level per competency of a position' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 409)
  setStandard(
    @Body() body: SetPositionStandardRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('assessment', 'POST', '/position-standards', req, res, { body });
  }

  @Post('staff/:nip/assessments')
  @Access({ roles: ['training-officer'] })
  @CommandRoute()
  @ApiOperation({
    summary: 'Schedule an assessment by hand (enrolment events schedule pre, post and on-the-job ones on their own)',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409, 422)
  schedule(
    @Param('nip', ParseNipPipe) nip: string,
    @Body() body: ScheduleAssessmentRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('assessment', 'POST', `/staff/${nip}/assessments`, req, res, { body });
  }

  @Post('staff/:nip/assessments/:assessmentId/result')
  @Access({ roles: ['training-officer'] })
  @CommandRoute()
  @ApiOperation({ summary: 'Record a result (assessor, method, score → level); certification or a gap follows' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409, 422)
  result(
    @Param('nip', ParseNipPipe) nip: string,
    @Param('assessmentId', new IdPipe('assessmentId')) id: string,
    @Body() body: RecordAssessmentResultRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('assessment', 'POST', `/staff/${nip}/assessments/${id}/result`, req, res, { body });
  }

  @Post('certifications/expiry-check')
  @Access({ roles: ['training-officer'] })
  @CommandRoute({ status: 200 })
  @ApiOperation({ summary: 'Run the certification expiry check now (a worker also runs it periodically)' })
  @ApiOkResponse({ description: 'What expired' })
  @ApiProblems(400)
  expire(
    @Body() body: ExpireCertificationsRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('assessment', 'POST', '/certifications/expiry-check', req, res, { body });
  }

  @Get('assessments/overdue')
  @Access({ roles: ['training-officer', 'unit-head'], unitQuery: true })
  @ApiOperation({ summary: 'Late and missing assessments (unit-heads: their OPD)' })
  @ApiOkResponse({ description: 'Overdue assessments' })
  @ApiProblems(400)
  overdue(
    @Query() q: OverdueAssessmentsRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('assessment', 'GET', '/assessments/overdue', req, res, {
      query: { ...q, opd: scopedOpd(req.principal, q.opd) },
    });
  }

  @Get('staff/:nip/competency-profile')
  @Access({ roles: ['training-officer', 'unit-head', 'staff'], selfParam: 'nip' })
  @ApiOperation({ summary: 'Competency profile over time: levels, learning gain per programme, certifications, gaps' })
  @ApiOkResponse({ description: 'The profile' })
  @ApiProblems(400, 404)
  async profile(
    @Param('nip', ParseNipPipe) nip: string,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const profile = (await this.forward.to('assessment', 'GET', `/staff/${nip}/competency-profile`, req, res)) as {
      workUnit?: { opd?: string };
    };
    assertMayRead(req.principal, { opd: profile.workUnit?.opd, nip });
    return profile;
  }

  @Get('units/:opd/competency-gaps')
  @Access({ roles: ['training-officer', 'unit-head'], unitParam: 'opd' })
  @ApiOperation({ summary: 'A unit’s aggregated competency gaps — the input for training plans (PP 11/2017 art. 206)' })
  @ApiOkResponse({ description: 'The gap report' })
  @ApiProblems(400)
  gaps(
    @Param('opd', OpdPipe) opd: string,
    @Query() q: UnitGapReportRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('assessment', 'GET', `/units/${opd}/competency-gaps`, req, res, { query: { ...q } });
  }
}
