import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CommandAccepted,
  CompleteTrainingRequest,
  EnrolStaffRequest,
  ParseNipPipe,
  RecordAttendanceRequest,
  RecordLearningProgressRequest,
  RecordNonCompletionRequest,
  WithdrawEnrolmentRequest,
} from '@kompeten/api';
import { Access } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { Forward } from '../downstream/forward';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { CommandRoute } from '../openapi/command.decorator';
import { ProgrammeIdPipe } from './programme-id.pipe';

/** Taking part in a programme: enrol, withdraw, attendance, self-paced statements, completion. */
@ApiTags('enrolments')
@Controller('api/v1/programmes/:programmeId/enrolments')
export class EnrolmentRoutes {
  constructor(private readonly forward: Forward) {}

  private send(req: AuthenticatedRequest, res: Response, id: string, suffix: string, body: unknown) {
    return this.forward.to('enrolment', 'POST', `/programmes/${id}/enrolments${suffix}`, req, res, { body });
  }

  @Post()
  @Access({ roles: ['training-officer', 'staff'], selfBody: 'nip' })
  @CommandRoute()
  @ApiOperation({
    summary:
      'Enrol (staff: themselves). A seat is confirmed once the budget commits the funds; otherwise the waitlist.',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409)
  enrol(
    @Param('programmeId', ProgrammeIdPipe) id: string,
    @Body() body: EnrolStaffRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(req, res, id, '', body);
  }

  @Post(':nip/withdrawal')
  @Access({ roles: ['training-officer', 'staff'], selfParam: 'nip' })
  @CommandRoute()
  @ApiOperation({ summary: 'Withdraw, with a reason (workload, illness, transfer, other + note)' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409)
  withdraw(
    @Param('programmeId', ProgrammeIdPipe) id: string,
    @Param('nip', ParseNipPipe) nip: string,
    @Body() body: WithdrawEnrolmentRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(req, res, id, `/${nip}/withdrawal`, body);
  }

  @Post(':nip/attendance')
  @Access({ roles: ['training-officer'] })
  @CommandRoute()
  @ApiOperation({ summary: 'Attendance (or absence) at one session' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409)
  attend(
    @Param('programmeId', ProgrammeIdPipe) id: string,
    @Param('nip', ParseNipPipe) nip: string,
    @Body() body: RecordAttendanceRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(req, res, id, `/${nip}/attendance`, body);
  }

  @Post(':nip/statements')
  @Access({ roles: ['training-officer', 'staff'], selfParam: 'nip' })
  @CommandRoute()
  @ApiOperation({
    summary: 'A self-paced learning statement from the e-learning platform or mobile app (a resend is applied once)',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409)
  statement(
    @Param('programmeId', ProgrammeIdPipe) id: string,
    @Param('nip', ParseNipPipe) nip: string,
    @Body() body: RecordLearningProgressRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(req, res, id, `/${nip}/statements`, body);
  }

  @Post(':nip/completion')
  @Access({ roles: ['training-officer'] })
  @CommandRoute()
  @ApiOperation({ summary: 'Completion: the JP are credited to the staff member’s ledger' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409)
  complete(
    @Param('programmeId', ProgrammeIdPipe) id: string,
    @Param('nip', ParseNipPipe) nip: string,
    @Body() body: CompleteTrainingRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(req, res, id, `/${nip}/completion`, body);
  }

  @Post(':nip/non-completion')
  @Access({ roles: ['training-officer'] })
  @CommandRoute()
  @ApiOperation({ summary: 'The programme ended without completion for this staff member' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409)
  notCompleted(
    @Param('programmeId', ProgrammeIdPipe) id: string,
    @Param('nip', ParseNipPipe) nip: string,
    @Body() body: RecordNonCompletionRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(req, res, id, `/${nip}/non-completion`, body);
  }
}
