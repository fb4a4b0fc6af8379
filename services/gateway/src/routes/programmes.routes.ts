import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CancelProgrammeRequest,
  CommandAccepted,
  PublishProgrammeRequest,
  ReviseProgrammeRequest,
} from '@kompeten/api';
import { Access } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { Forward } from '../downstream/forward';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { CommandRoute } from '../openapi/command.decorator';
import { ProgrammeIdPipe } from './programme-id.pipe';

interface Participant {
  nip: string;
  workUnit: { opd: string };
}
interface ProgrammeView {
  enrolments: Participant[];
  waitlist: Participant[];
}

/** Unit-heads see their own unit's participants, staff only themselves; the rest see everyone. */
function visibleTo(p: Principal | undefined, view: ProgrammeView): ProgrammeView {
  if (!p || p.roles.some((r) => ['admin', 'auditor', 'training-officer'].includes(r))) return view;
  const mine = (x: Participant) =>
    (p.roles.includes('unit-head') && x.workUnit.opd === p.unit) || (p.roles.includes('staff') && x.nip === p.nip);
  return { ...view, enrolments: view.enrolments.filter(mine), waitlist: view.waitlist.filter(mine) };
}

@ApiTags('programmes')
@Controller('api/v1/programmes')
export class ProgrammeRoutes {
  constructor(private readonly forward: Forward) {}

  @Post()
  @Access({ roles: ['training-officer'] })
  @CommandRoute()
  @ApiOperation({ summary: 'Publish a programme to the catalogue' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 409)
  publish(
    @Body() body: PublishProgrammeRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('enrolment', 'POST', '/programmes', req, res, { body });
  }

  @Get(':programmeId')
  @Access({ roles: ['training-officer', 'unit-head', 'staff'] })
  @ApiOperation({
    summary: 'A programme: details, seats, enrolments and waitlist (participants filtered to your scope)',
  })
  @ApiOkResponse({ description: 'The programme' })
  @ApiProblems(404)
  async get(
    @Param('programmeId', ProgrammeIdPipe) id: string,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return visibleTo(
      req.principal,
      (await this.forward.to('enrolment', 'GET', `/programmes/${id}`, req, res)) as ProgrammeView,
    );
  }

  @Post(':programmeId/revisions')
  @Access({ roles: ['training-officer'] })
  @CommandRoute({ ifMatch: true })
  @ApiOperation({ summary: 'Revise catalogue details (never capacity below the seats taken)' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409)
  revise(
    @Param('programmeId', ProgrammeIdPipe) id: string,
    @Body() body: ReviseProgrammeRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('enrolment', 'POST', `/programmes/${id}/revisions`, req, res, { body });
  }

  @Post(':programmeId/cancellation')
  @Access({ roles: ['training-officer'] })
  @CommandRoute()
  @ApiOperation({
    summary: 'Cancel; every enrolled and waitlisted staff member is told (ProgrammeCancelled), the budget releases',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404)
  cancel(
    @Param('programmeId', ProgrammeIdPipe) id: string,
    @Body() body: CancelProgrammeRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('enrolment', 'POST', `/programmes/${id}/cancellation`, req, res, { body });
  }
}
