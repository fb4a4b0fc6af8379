import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandAccepted, RejectSurveyResponseRequest, SubmitSurveyResponseRequest } from '@kompeten/api';
import { Access } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { Forward } from '../downstream/forward';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { CommandRoute } from '../openapi/command.decorator';

@ApiTags('survey responses')
@Controller('api/v1/survey-responses')
export class SurveyResponseRoutes {
  constructor(private readonly forward: Forward) {}

  @Post()
  @Access({ roles: ['kiosk', 'training-officer'] })
  @CommandRoute()
  @ApiOperation({
    summary: 'Submit a citizen’s SKM response from a kiosk (a resend with the same submissionId changes nothing: 200)',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiOkResponse({ description: 'Already received (same submissionId)' })
  @ApiProblems(400, 404, 409)
  submit(
    @Body() body: SubmitSurveyResponseRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('feedback', 'POST', '/survey-responses', req, res, { body });
  }

  @Post(':submissionId/rejection')
  @Access({ roles: ['training-officer'] })
  @CommandRoute()
  @ApiOperation({ summary: 'Void a response (spam, duplicate) with a reason; it leaves the IKM' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 404, 409)
  reject(
    @Param('submissionId', ParseUUIDPipe) id: string,
    @Body() body: RejectSurveyResponseRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('feedback', 'POST', `/survey-responses/${id}/rejection`, req, res, { body });
  }
}
