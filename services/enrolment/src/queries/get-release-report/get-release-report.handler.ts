import { DataSource } from 'typeorm';
import { getReleaseReport, type ReleaseReport } from '@kompeten/api';
import type { DeclineReason, WithdrawalReason } from '@kompeten/contracts';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { releaseReportCsv } from './release-report.csv';
import { buildReleaseReport, LATE_WITHDRAWAL_DAYS, type EnrolmentFacts } from './release-report';

/** A release_report row as `pg` returns it (dates as text, see the select). */
interface FactsRow {
  opd: string;
  service_unit: string | null;
  release_required: boolean;
  requested_on: string | null;
  approved_on: string | null;
  nominated: boolean | null;
  declined_on: string | null;
  decline_reason: DeclineReason | null;
  withdrawn_on: string | null;
  withdrawal_reason: WithdrawalReason | null;
  was_confirmed: boolean | null;
  first_session: string | null;
  cancelled: boolean;
}

/**
 * The training officer's report on releases for a year (the city's current year by default): the
 * enrolments of the unit(s) with anything dated in the year, counted in release-report.ts.
 */
@Handles(getReleaseReport)
export class GetReleaseReportHandler implements UseCaseHandler<typeof getReleaseReport> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ query, res }: UseCaseRequest<typeof getReleaseReport>): Promise<ReleaseReport | string> {
    const year = query.year ?? this.calendar.yearOf(this.clock.now());
    const opd = query.opd ?? null;
    const serviceUnit = query.serviceUnit ?? null;
    const rows = await this.db.query<FactsRow[]>(
      `select opd, service_unit, release_required, requested_on::text, approved_on::text, nominated, declined_on::text,
              decline_reason, withdrawn_on::text, withdrawal_reason, was_confirmed, first_session::text, cancelled
         from release_report
        where enrolment_id is not null and ($2::text is null or opd = $2) and ($3::text is null or service_unit = $3)
          and (extract(year from requested_on) = $1 or extract(year from approved_on) = $1
            or extract(year from declined_on) = $1 or extract(year from withdrawn_on) = $1)`,
      [year, opd, serviceUnit],
    );
    const report: ReleaseReport = {
      year,
      filter: { opd, serviceUnit },
      lateWithdrawalDays: LATE_WITHDRAWAL_DAYS,
      ...buildReleaseReport(rows.map(toFacts), year),
    };
    if (query.format !== 'csv') return report;
    res.type('text/csv; charset=utf-8');
    const scope = [opd, serviceUnit].filter(Boolean).join('-');
    res.setHeader('Content-Disposition', `attachment; filename="releases-${year}${scope ? `-${scope}` : ''}.csv"`);
    return releaseReportCsv(report);
  }
}

const toFacts = (r: FactsRow): EnrolmentFacts => ({
  opd: r.opd,
  serviceUnit: r.service_unit,
  releaseRequired: r.release_required,
  requestedOn: r.requested_on,
  approvedOn: r.approved_on,
  nominated: r.nominated,
  declinedOn: r.declined_on,
  declineReason: r.decline_reason,
  withdrawnOn: r.withdrawn_on,
  withdrawalReason: r.withdrawal_reason,
  wasConfirmed: r.was_confirmed,
  firstSession: r.first_session,
  cancelled: r.cancelled,
});
