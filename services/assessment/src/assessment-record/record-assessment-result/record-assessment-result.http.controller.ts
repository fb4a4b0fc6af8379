import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandAccepted, ParseNipPipe, RecordAssessmentResultRequest, accepted } from '@kompeten/api';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { assessmentRecordStreamId } from '../assessment-record.decider';
import { RecordAssessmentResultCommand } from './record-assessment-result.command';

@ApiTags('assessments')
@Controller('staff')
export class RecordAssessmentResultController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':nip/assessments/:assessmentId/result')
  @ApiOperation({
    summary:
      'Record a result: AssessmentRecorded, plus CompetencyCertified or CompetencyGapIdentified when they follow',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiBadRequestResponse({
    description: 'A score outside the method’s range, or a date that cannot be (the body names the field)',
  })
  @ApiNotFoundResponse({ description: 'Unknown staff or assessment' })
  @ApiConflictResponse({ description: 'Already recorded differently, or cancelled' })
  async record(
    @Param('nip', ParseNipPipe) nip: string,
    @Param('assessmentId') assessmentId: string,
    @Body() body: RecordAssessmentResultRequest,
    @CommandMetadata() meta: EventMetadata,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(
      new RecordAssessmentResultCommand(
        nip,
        assessmentId,
        body.assessor,
        body.method,
        body.score,
        body.assessedOn,
        meta,
      ),
    );
    return accepted(res, assessmentRecordStreamId(nip), result);
  }
}
