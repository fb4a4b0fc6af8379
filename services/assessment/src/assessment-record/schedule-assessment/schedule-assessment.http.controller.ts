import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ParseNipPipe, ScheduleAssessmentRequest, accepted } from '@kompeten/api';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { assessmentRecordStreamId } from '../assessment-record.decider';
import { ScheduleAssessmentCommand } from './schedule-assessment.command';

@ApiTags('assessments')
@Controller('staff')
export class ScheduleAssessmentController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':nip/assessments')
  @ApiOperation({
    summary: 'Schedule an assessment by hand (enrolment events schedule pre, post and on-the-job ones on their own)',
  })
  @ApiCreatedResponse({ description: '{ streamId, version, events, assessmentId }' })
  @ApiNotFoundResponse({ description: 'Staff not on the roster' })
  @ApiUnprocessableEntityResponse({ description: 'No matching enrolment, or a competency missing from the dictionary' })
  async schedule(
    @Param('nip', ParseNipPipe) nip: string,
    @Body() body: ScheduleAssessmentRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { assessmentId, ...result } = await this.commands.execute(
      new ScheduleAssessmentCommand(
        nip,
        body.kind,
        body.competencyCode ?? null,
        body.enrolmentId ?? null,
        body.dueOn,
        meta,
      ),
    );
    return { ...accepted(res, assessmentRecordStreamId(nip), result), assessmentId };
  }
}
