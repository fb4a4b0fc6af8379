import { DataSource } from 'typeorm';
import { listStaffBelowJpTarget, type ResponseOf } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { JP_RIGHT_PNS } from '../jp-ledger';
import { JP_CREDITS } from '../jp-credits.sql';

/** What GET /jp-ledger/below-target answers. */
export type StaffBelowJpTargetView = ResponseOf<typeof listStaffBelowJpTarget>;

interface BelowTargetRow {
  nip: string;
  opd: string;
  service_unit: string | null;
  position: string;
  jp: number;
}

/**
 * Active PNS staff with fewer than 20 JP credited in the year (the city's current year by default),
 * per unit — the list BKPSDM acts on. Staff registered after the year are not behind in it; JP count
 * in the year they were completed in, as in the staff member's ledger (jp-ledger.ts), from programmes
 * completed and external learning verified alike (jp-credits.sql.ts).
 */
@Handles(listStaffBelowJpTarget)
export class ListStaffBelowJpTargetHandler implements UseCaseHandler<typeof listStaffBelowJpTarget> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ query }: UseCaseRequest<typeof listStaffBelowJpTarget>): Promise<StaffBelowJpTargetView> {
    const year = query.year ?? this.calendar.yearOf(this.clock.now());
    const rows = await this.db.query<BelowTargetRow[]>(
      `select s.nip, s.opd, s.service_unit, s.position, coalesce(sum(h.jp_credited), 0)::int as jp
         from staff_roster s left join ${JP_CREDITS} h
           on h.nip = s.nip and extract(year from h.completed_on) = $1::int
        where s.status = 'active' and s.employment_type = 'PNS' and ($2::text is null or s.opd = $2) and ($3::text is null or s.service_unit = $3)
          and s.registered_on <= make_date($1::int, 12, 31)
        group by s.nip, s.opd, s.service_unit, s.position
       having coalesce(sum(h.jp_credited), 0) < $4
        order by s.opd, s.service_unit nulls first, jp, s.nip`,
      [year, query.opd ?? null, query.serviceUnit ?? null, JP_RIGHT_PNS],
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
