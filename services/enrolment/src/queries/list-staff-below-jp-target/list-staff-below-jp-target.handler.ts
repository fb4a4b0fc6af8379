import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { JP_RIGHT_PNS } from '../jp-ledger';
import { ListStaffBelowJpTargetQuery } from './list-staff-below-jp-target.query';

interface BelowTargetRow {
  nip: string;
  opd: string;
  service_unit: string | null;
  position: string;
  jp: number;
}

/** Active PNS staff with fewer than 20 JP completed in the year, per unit — the list BKPSDM acts on. */
@QueryHandler(ListStaffBelowJpTargetQuery)
export class ListStaffBelowJpTargetHandler implements IQueryHandler<ListStaffBelowJpTargetQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ year, opd, serviceUnit }: ListStaffBelowJpTargetQuery) {
    const rows = await this.db.query<BelowTargetRow[]>(
      `select s.nip, s.opd, s.service_unit, s.position, coalesce(sum(h.jp_credited) filter (where h.status = 'completed'), 0)::int as jp
         from staff_roster s left join enrolment_history h on h.nip = s.nip and h.year = $1
        where s.status = 'active' and s.employment_type = 'PNS' and ($2::text is null or s.opd = $2) and ($3::text is null or s.service_unit = $3)
        group by s.nip, s.opd, s.service_unit, s.position
       having coalesce(sum(h.jp_credited) filter (where h.status = 'completed'), 0) < $4
        order by s.opd, s.service_unit nulls first, jp, s.nip`,
      [year, opd ?? null, serviceUnit ?? null, JP_RIGHT_PNS],
    );
    return {
      year,
      target: JP_RIGHT_PNS,
      count: rows.length,
      staff: rows.map((r) => ({
        nip: r.nip,
        workUnit: { opd: r.opd, serviceUnit: r.service_unit },
        position: r.position,
        jpCompleted: r.jp,
        jpMissing: JP_RIGHT_PNS - r.jp,
      })),
    };
  }
}

/** What GET /jp-ledger/below-target answers. */
export type StaffBelowJpTargetView = Awaited<ReturnType<ListStaffBelowJpTargetHandler['execute']>>;
