import { getCorrelationReport } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { CorrelationReportBuilder } from '../../correlation/correlation-report.builder';
import { figuresCsv, observationsCsv } from '../../correlation/correlation-report.csv';
import { periodOf, periodsBetween } from '../../ikm/survey-period';
import { problems } from '../../shared/feedback.problems';
import { periodOrFail } from '../../shared/period-or-fail';

const MAX_PERIODS = 60;

/** The correlation report over a range of periods, as JSON or (format=csv) as its figures' or observations' CSV. */
@Handles(getCorrelationReport)
export class GetCorrelationReportHandler implements UseCaseHandler<typeof getCorrelationReport> {
  constructor(
    private readonly reports: CorrelationReportBuilder,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ query: q, res }: UseCaseRequest<typeof getCorrelationReport>) {
    const from = q.from ? periodOrFail(q.from, 'from') : periodOf(this.calendar.dateOf(this.clock.now()), 'year');
    const to = q.to ? periodOrFail(q.to, 'to') : from;
    if (to.granularity !== from.granularity) throw problems.invalid('to', `must be a ${from.granularity} like from`);
    if (to.start < from.start) throw problems.invalid('to', 'must not be before from');
    if (periodsBetween(from, to).length > MAX_PERIODS) throw problems.invalid('to', `at most ${MAX_PERIODS} periods`);
    const report = await this.reports.build({
      from,
      to,
      filter: { opd: q.opd, kind: q.kind },
      adequateOnly: q.adequateOnly ?? false,
    });
    if (q.format !== 'csv') return report;
    res.type('text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="correlation-${from.id}-${to.id}-${q.table ?? 'figures'}.csv"`,
    );
    return q.table === 'observations' ? observationsCsv(report) : figuresCsv(report);
  }
}
