import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandAccepted, SubmitSurveyResponseRequest, accepted } from '@kompeten/api';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { surveyResponseStreamId } from '../survey-response.decider';
import { SubmitSurveyResponseCommand } from './submit-survey-response.command';

@ApiTags('survey responses')
@Controller('survey-responses')
export class SubmitSurveyResponseController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiCreatedResponse({ type: CommandAccepted, description: 'Recorded' })
  @ApiOkResponse({ type: CommandAccepted, description: 'Already recorded under this submissionId: nothing changed' })
  @ApiBadRequestResponse({
    description:
      'A score outside 1..4, a missing element, an unknown unit or service, a future date, an oversized comment — the field is named',
  })
  async submit(
    @Body() body: SubmitSurveyResponseRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result: HandleResult<never> = await this.commands.execute(new SubmitSurveyResponseCommand(body, meta));
    res.status(result.events.length ? 201 : 200);
    return accepted(res, surveyResponseStreamId(body.submissionId), result);
  }
}
