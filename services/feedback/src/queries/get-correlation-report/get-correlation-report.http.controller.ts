import { BadRequestException, Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Clock } from '@kompeten/platform';
import { CorrelationReport } from '../../correlation/correlation-report.builder';
import { figuresCsv, observationsCsv } from '../../correlation/correlation-report.csv';
import { periodOf, periodsBetween } from '../../ikm/survey-period';
import { cityDate } from '../../shared/city-date';
import { periodOrFail } from '../../shared/parse-period.pipe';
import { GetCorrelationReportQuery } from './get-correlation-report.query';
import { GetCorrelationReportRequest } from '@kompeten/api';

const MAX_PERIODS = 60;
const invalid = (field: string, message: string) => new BadRequestException({ errors: [{ field, message }] });

@ApiTags('correlation')
@Controller('correlation-report')
export class GetCorrelationReportController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'Training measures against IKM and elements 6–7 (Pearson, Spearman, n, 95% CI, p), difference-in-differences per programme, trained vs untrained staff, cost per IKM point',
  })
  async report(@Query() q: GetCorrelationReportRequest, @Res({ passthrough: true }) res: Response) {
    const from = q.from ? periodOrFail(q.from, 'from') : periodOf(cityDate(this.clock.now()), 'year');
    const to = q.to ? periodOrFail(q.to, 'to') : from;
    if (to.granularity !== from.granularity) throw invalid('to', `must be a ${from.granularity} like from`);
    if (to.start < from.start) throw invalid('to', 'must not be before from');
    if (periodsBetween(from, to).length > MAX_PERIODS) throw invalid('to', `at most ${MAX_PERIODS} periods`);
    const report: CorrelationReport = await this.queries.execute(
      new GetCorrelationReportQuery({
        from,
        to,
        filter: { opd: q.opd, kind: q.kind },
        adequateOnly: q.adequateOnly ?? false,
      }),
    );
    if (q.format !== 'csv') return report;
    res.type('text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="correlation-${from.id}-${to.id}-${q.table ?? 'figures'}.csv"`,
    );
    return q.table === 'observations' ? observationsCsv(report) : figuresCsv(report);
  }
}
