import { Body, Controller, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SurveyResponseEvent } from '@kompeten/contracts';
import { CommandAccepted, RejectSurveyResponseRequest, accepted } from '@kompeten/api';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { surveyResponseStreamId } from '../survey-response.decider';
import { RejectSurveyResponseCommand } from './reject-survey-response.command';

@ApiTags('survey responses')
@Controller('survey-responses')
export class RejectSurveyResponseController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':submissionId/rejection')
  @ApiCreatedResponse({
    type: CommandAccepted,
    description: 'The response no longer counts (empty events when it was already rejected)',
  })
  @ApiNotFoundResponse({ description: 'Unknown response' })
  async reject(
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Body() body: RejectSurveyResponseRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result: HandleResult<SurveyResponseEvent> = await this.commands.execute(
      new RejectSurveyResponseCommand(submissionId, body.reason, body.note ?? null, meta),
    );
    return accepted(res, surveyResponseStreamId(submissionId), result);
  }
}
