import { DataSource } from 'typeorm';
import { getUnitSummary, type ResponseOf } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { JP_RIGHT_PNS } from '../jp-ledger';
import { JP_CREDITS } from '../jp-credits.sql';

/** What GET /units/:opd/summary answers. */
export type UnitSummaryView = ResponseOf<typeof getUnitSummary>;

/**
 * A unit's year: headcount, participation, withdrawal and non-completion reasons (workload first, as
 * the seed warns), JP coverage. The year defaults to the city's (CityCalendar), and staff count from
 * the year they were registered in: someone who began serving in 2026 is not a 2024 headcount.
 */
@Handles(getUnitSummary)
export class GetUnitSummaryHandler implements UseCaseHandler<typeof getUnitSummary> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { opd }, query }: UseCaseRequest<typeof getUnitSummary>): Promise<UnitSummaryView> {
    const year = query.year ?? this.calendar.yearOf(this.clock.now());
    const serviceUnit = query.serviceUnit ?? null;
    const unit = [opd, serviceUnit];
    const [head] = await this.db.query<{ headcount: number; pns: number }[]>(
      `select count(*)::int as headcount, count(*) filter (where employment_type = 'PNS')::int as pns
         from staff_roster where status = 'active' and opd = $1 and ($2::text is null or service_unit = $2)
          and registered_on <= make_date($3::int, 12, 31)`,
      [...unit, year],
    );
    const [part] = await this.db.query<{ participants: number; enrolments: number; completions: number; jp: number }[]>(
      `select count(distinct nip)::int as participants, count(*)::int as enrolments,
              count(*) filter (where status = 'completed')::int as completions, coalesce(sum(jp_credited), 0)::int as jp
         from enrolment_history where opd = $1 and ($2::text is null or service_unit = $2) and year = $3`,
      [...unit, year],
    );
    // External learning verified for the unit's staff (the unit they recorded it in), in its ledger year.
    const [external] = await this.db.query<{ jp: number }[]>(
      `select coalesce(sum(jp_credited), 0)::int as jp from external_learning
        where status = 'verified' and opd = $1 and ($2::text is null or service_unit = $2) and year = $3`,
      [...unit, year],
    );
    const byReason = async (status: string, column: string) =>
      Object.fromEntries(
        (
          await this.db.query<{ reason: string; count: number }[]>(
            `select ${column} as reason, count(*)::int as count from enrolment_history
              where status = $4 and opd = $1 and ($2::text is null or service_unit = $2) and year = $3
              group by ${column} order by count desc, reason`,
            [...unit, year, status],
          )
        ).map((r) => [r.reason, r.count]),
      );
    // JP count in the year they were completed in, as in the staff member's ledger (jp-ledger.ts): programmes
    // and verified external learning alike (jp-credits.sql.ts).
    const [coverage] = await this.db.query<{ meeting: number }[]>(
      `select count(*) filter (where jp >= $4)::int as meeting from (
         select s.nip, coalesce(sum(h.jp_credited), 0) as jp
           from staff_roster s left join ${JP_CREDITS} h
             on h.nip = s.nip and extract(year from h.completed_on) = $3::int
          where s.status = 'active' and s.employment_type = 'PNS' and s.opd = $1 and ($2::text is null or s.service_unit = $2)
            and s.registered_on <= make_date($3::int, 12, 31)
          group by s.nip) per_staff`,
      [...unit, year, JP_RIGHT_PNS],
    );
    return {
      opd,
      serviceUnit,
      year,
      headcount: head.headcount,
      participants: part.participants,
      enrolments: part.enrolments,
      completions: part.completions,
      jpCompleted: part.jp + external.jp,
      participationRate: head.headcount ? part.participants / head.headcount : null,
      withdrawalsByReason: await byReason('withdrawn', 'withdrawal_reason'),
      nonCompletionsByReason: await byReason('not-completed', 'non_completion_reason'),
      jpCoverage: {
        pns: head.pns,
        meeting20Jp: coverage.meeting,
        share: head.pns ? coverage.meeting / head.pns : null,
      },
    };
  }
}
