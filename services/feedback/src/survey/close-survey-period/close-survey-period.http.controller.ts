import { Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SurveyPeriodClosed } from '@kompeten/contracts';
import { accepted, CommandAccepted } from '@kompeten/api';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { ParsePeriodPipe } from '../../shared/parse-period.pipe';
import type { SurveyPeriod } from '../../ikm/survey-period';
import { surveyPeriodStreamId } from '../survey-period.decider';
import { CloseSurveyPeriodCommand } from './close-survey-period.command';

@ApiTags('survey periods')
@Controller('service-units')
export class CloseSurveyPeriodController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':unitCode/periods/:period/closure')
  @ApiCreatedResponse({
    type: CommandAccepted,
    description: 'The IKM of the period is published (empty events when it already was)',
  })
  @ApiNotFoundResponse({ description: 'Unknown unit' })
  @ApiConflictResponse({ description: 'The period has not ended yet' })
  async close(
    @Param('unitCode') unitCode: string,
    @Param('period', ParsePeriodPipe) period: SurveyPeriod,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result: HandleResult<SurveyPeriodClosed> = await this.commands.execute(
      new CloseSurveyPeriodCommand(unitCode, period, meta),
    );
    return accepted(res, surveyPeriodStreamId(unitCode, period.id), result);
  }
}
