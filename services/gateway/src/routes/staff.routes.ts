import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CommandAccepted,
  ParseNipPipe,
  RecordStaffDepartureRequest,
  RegisterStaffRequest,
  TransferStaffRequest,
} from '@kompeten/api';
import { Access } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { assertMayRead } from '../auth/scope';
import { Forward } from '../downstream/forward';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { CommandRoute } from '../openapi/command.decorator';

@ApiTags('staff')
@Controller('api/v1/staff')
export class StaffRoutes {
  constructor(private readonly forward: Forward) {}

  @Post()
  @Access({ roles: ['training-officer'] })
  @CommandRoute()
  @ApiOperation({ summary: 'Register a staff member (NIP validated part by part; the name is personal data)' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 409)
  register(
    @Body() body: RegisterStaffRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('enrolment', 'POST', '/staff', req, res, { body });
  }

  @Get(':nip')
  @Access({ roles: ['training-officer', 'unit-head', 'staff'], selfParam: 'nip' })
  @ApiOperation({
    summary:
      'A staff member: unit, unit history, training history, JP ledger and competency profile (unit-heads: their unit; staff: themselves)',
  })
  @ApiOkResponse({ description: 'The profile, composed from the enrolment and assessment services' })
  @ApiProblems(400, 404)
  async profile(
    @Param('nip', ParseNipPipe) nip: string,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const [profile, competencies] = await Promise.all([
      this.forward.to('enrolment', 'GET', `/staff/${nip}`, req, res) as Promise<{
        workUnit?: { opd?: string };
        nip: string;
      }>,
      // The roster is the profile; competencies are added when the assessment service can answer.
      this.forward
        .to('assessment', 'GET', `/staff/${nip}/competency-profile`, req, res)
        .catch((e: Error) => ({ unavailable: e.message })),
    ]);
    assertMayRead(req.principal, { opd: profile.workUnit?.opd, nip: profile.nip });
    res.status(200);
    return { ...profile, competencies };
  }

  @Post(':nip/transfers')
  @Access({ roles: ['training-officer'] })
  @CommandRoute({ ifMatch: true })
  @ApiOperation({ summary: 'Transfer to another OPD or service unit (history kept)' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409)
  transfer(
    @Param('nip', ParseNipPipe) nip: string,
    @Body() body: TransferStaffRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('enrolment', 'POST', `/staff/${nip}/transfers`, req, res, { body });
  }

  @Post(':nip/departure')
  @Access({ roles: ['training-officer'] })
  @CommandRoute()
  @ApiOperation({ summary: 'Record retirement or leaving' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409)
  depart(
    @Param('nip', ParseNipPipe) nip: string,
    @Body() body: RecordStaffDepartureRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('enrolment', 'POST', `/staff/${nip}/departure`, req, res, { body });
  }
}
