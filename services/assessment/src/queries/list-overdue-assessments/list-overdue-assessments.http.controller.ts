import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Clock } from '@kompeten/platform';
import { dateOf } from '../../shared/calendar';
import { ListOverdueAssessmentsQuery } from './list-overdue-assessments.query';
import { OverdueAssessmentsRequest } from '@kompeten/api';

@ApiTags('assessments')
@Controller('assessments')
export class ListOverdueAssessmentsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get('overdue')
  @ApiOkResponse({
    description:
      '{ asOf, missing: [{ assessmentId, nip, kind, competencyCode, dueOn, daysOverdue, opd, serviceUnit }], recordedLate }',
  })
  overdue(@Query() q: OverdueAssessmentsRequest) {
    return this.queries.execute(
      new ListOverdueAssessmentsQuery(q.asOf ?? dateOf(this.clock.now()), q.opd ?? null, q.serviceUnit ?? null),
    );
  }
}
