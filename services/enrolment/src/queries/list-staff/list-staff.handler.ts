import { DataSource } from 'typeorm';
import { DEFAULT_PAGE_SIZE, listStaff, pageOf, type ListStaffRequest, type ResponseOf } from '@kompeten/api';
import type { EmploymentType } from '@kompeten/contracts';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { afterNip, rosterSql, staffFilters } from './staff-filters';
import { staffNames } from './staff-names';

/** What GET /staff answers. */
export type StaffPage = ResponseOf<typeof listStaff>;

interface RosterRow {
  nip: string;
  employment_type: EmploymentType;
  opd: string;
  service_unit: string | null;
  position: string;
  status: 'active' | 'left';
  jp_this_year: number;
  below_jp_target: boolean;
  has_gap: boolean;
}

/** The select of one page (`limit + 1` rows: the extra one says there is a next page). */
export function staffPageSql(query: ListStaffRequest, year: number, limit: number) {
  const w = afterNip(query.cursor, staffFilters(query, year));
  return {
    text: `select * from (${rosterSql('lateral')}) r where ${w.text} order by r.nip limit ${w.bind(limit + 1)}`,
    params: w.params,
  };
}

/**
 * The roster, filtered and paged by NIP (a keyset: stable while staff join, move or leave). Names only
 * when the gateway asks for them (`includeNames`: the caller's role may read them), opened from the
 * log for the page alone.
 */
@Handles(listStaff)
export class ListStaffHandler implements UseCaseHandler<typeof listStaff> {
  constructor(
    private readonly db: DataSource,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ query }: UseCaseRequest<typeof listStaff>): Promise<StaffPage> {
    const year = this.calendar.yearOf(this.clock.now());
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const counted = staffFilters(query, year);
    const paged = staffPageSql(query, year, limit);
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<RosterRow[]>(paged.text, paged.params),
      this.db.query<{ total: number }[]>(
        `select count(*)::int as total from (${rosterSql('grouped')}) r where ${counted.text}`,
        counted.params,
      ),
    ]);
    const page = pageOf(rows, limit, (r) => [r.nip]);
    const names = query.includeNames
      ? await staffNames(
          this.db,
          this.store,
          page.rows.map((r) => r.nip),
        )
      : new Map<string, string | null>();
    return {
      items: page.rows.map((r) => ({
        nip: r.nip,
        name: names.get(r.nip) ?? null,
        employmentType: r.employment_type,
        opd: r.opd,
        serviceUnit: r.service_unit,
        position: r.position,
        status: r.status,
        jpThisYear: r.jp_this_year,
        belowJpTarget: r.below_jp_target,
        hasCompetencyGap: r.has_gap,
      })),
      total,
      nextCursor: page.nextCursor,
    };
  }
}
