import type { CorrelationReportRequest } from '../../correlation/correlation-report.builder';

export class GetCorrelationReportQuery {
  constructor(readonly request: CorrelationReportRequest) {}
}
