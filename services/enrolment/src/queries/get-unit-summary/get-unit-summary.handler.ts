import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { JP_RIGHT_PNS } from '../jp-ledger';
import { GetUnitSummaryQuery } from './get-unit-summary.query';

/** A unit's year: headcount, participation, withdrawal reasons (workload first, as the seed warns), JP coverage. */
@QueryHandler(GetUnitSummaryQuery)
export class GetUnitSummaryHandler implements IQueryHandler<GetUnitSummaryQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ opd, year, serviceUnit }: GetUnitSummaryQuery) {
    const unit = [opd, serviceUnit ?? null];
    const [head] = await this.db.query<{ headcount: number; pns: number }[]>(
      `select count(*)::int as headcount, count(*) filter (where employment_type = 'PNS')::int as pns
         from staff_roster where status = 'active' and opd = $1 and ($2::text is null or service_unit = $2)`,
      unit,
    );
    const [part] = await this.db.query<{ participants: number; enrolments: number; completions: number; jp: number }[]>(
      `select count(distinct nip)::int as participants, count(*)::int as enrolments,
              count(*) filter (where status = 'completed')::int as completions, coalesce(sum(jp_credited), 0)::int as jp
         from enrolment_history where opd = $1 and ($2::text is null or service_unit = $2) and year = $3`,
      [...unit, year],
    );
    const reasons = await this.db.query<{ reason: string; count: number }[]>(
      `select withdrawal_reason as reason, count(*)::int as count from enrolment_history
        where status = 'withdrawn' and opd = $1 and ($2::text is null or service_unit = $2) and year = $3
        group by withdrawal_reason order by count desc, reason`,
      [...unit, year],
    );
    const [coverage] = await this.db.query<{ meeting: number }[]>(
      `select count(*) filter (where jp >= $4)::int as meeting from (
         select s.nip, coalesce(sum(h.jp_credited) filter (where h.status = 'completed'), 0) as jp
           from staff_roster s left join enrolment_history h on h.nip = s.nip and h.year = $3
          where s.status = 'active' and s.employment_type = 'PNS' and s.opd = $1 and ($2::text is null or s.service_unit = $2)
          group by s.nip) per_staff`,
      [...unit, year, JP_RIGHT_PNS],
    );
    return {
      opd,
      serviceUnit: serviceUnit ?? null,
      year,
      headcount: head.headcount,
      participants: part.participants,
      enrolments: part.enrolments,
      completions: part.completions,
      jpCompleted: part.jp,
      participationRate: head.headcount ? part.participants / head.headcount : null,
      withdrawalsByReason: Object.fromEntries(reasons.map((r) => [r.reason, r.count])),
      jpCoverage: {
        pns: head.pns,
        meeting20Jp: coverage.meeting,
        share: head.pns ? coverage.meeting / head.pns : null,
      },
    };
  }
}

/** What GET /units/:opd/summary answers. */
export type UnitSummaryView = Awaited<ReturnType<GetUnitSummaryHandler['execute']>>;
