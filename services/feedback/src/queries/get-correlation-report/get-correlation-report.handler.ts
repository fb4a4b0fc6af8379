import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CorrelationReportBuilder } from '../../correlation/correlation-report.builder';
import { GetCorrelationReportQuery } from './get-correlation-report.query';

@QueryHandler(GetCorrelationReportQuery)
export class GetCorrelationReportHandler implements IQueryHandler<GetCorrelationReportQuery> {
  constructor(private readonly reports: CorrelationReportBuilder) {}

  execute({ request }: GetCorrelationReportQuery) {
    return this.reports.build(request);
  }
}
