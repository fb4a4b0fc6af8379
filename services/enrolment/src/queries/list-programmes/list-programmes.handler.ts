import { DataSource } from 'typeorm';
import { DEFAULT_PAGE_SIZE, listProgrammes, pageOf, type ListProgrammesRequest, type ResponseOf } from '@kompeten/api';
import type { CompetencyType, ProgrammeForm } from '@kompeten/contracts';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { afterCursor, openOn, PROGRAMME_ORDER, programmeFilters } from './programme-filters';

/** What GET /programmes answers. */
export type ProgrammePage = ResponseOf<typeof listProgrammes>;

/** The columns this query selects from programme_catalogue (dates as `YYYY-MM-DD` text). */
interface SummaryRow {
  programme_id: string;
  title: string;
  form: ProgrammeForm;
  competency_type: CompetencyType;
  competency_area: string;
  jp: number;
  capacity: number;
  seats_taken: number;
  first_session_date: string | null;
  last_session_date: string | null;
  status: 'published' | 'cancelled';
  open: boolean;
  funding_opd: string;
  fiscal_year: number | null;
  release_required: boolean;
}

/** The select of one page (`limit + 1` rows: the extra one says there is a next page). */
export function programmePageSql(query: ListProgrammesRequest, today: string, limit: number) {
  const w = afterCursor(query.cursor, programmeFilters(query, today));
  const text = `select c.programme_id, c.title, c.form, c.competency_type, c.competency_area, (c.details->>'jp')::int as jp,
          c.capacity, c.seats_taken, c.first_session_date::text as first_session_date,
          c.last_session_date::text as last_session_date, c.status, ${openOn(today, w)} as open, c.funding_opd,
          (c.details->>'fiscalYear')::int as fiscal_year,
          coalesce((c.details->>'releaseRequired')::boolean, false) as release_required
     from programme_catalogue c where ${w.text}
    order by ${PROGRAMME_ORDER} limit ${w.bind(limit + 1)}`;
  return { text, params: w.params };
}

/**
 * The catalogue, filtered and paged by a keyset on (first session date, programme id): a page starts
 * strictly after the last row of the one before, so a programme published or cancelled meanwhile
 * never repeats or hides another. `total` counts every page under the same filters, now.
 */
@Handles(listProgrammes)
export class ListProgrammesHandler implements UseCaseHandler<typeof listProgrammes> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ query }: UseCaseRequest<typeof listProgrammes>): Promise<ProgrammePage> {
    const today = this.calendar.dateOf(this.clock.now());
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const counted = programmeFilters(query, today);
    const paged = programmePageSql(query, today, limit);
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<SummaryRow[]>(paged.text, paged.params),
      this.db.query<{ total: number }[]>(
        `select count(*)::int as total from programme_catalogue c where ${counted.text}`,
        counted.params,
      ),
    ]);
    const page = pageOf(rows, limit, (r) => [r.first_session_date, r.programme_id]);
    return {
      items: page.rows.map((r) => ({
        programmeId: r.programme_id,
        title: r.title,
        form: r.form,
        competencyType: r.competency_type,
        competencyArea: r.competency_area,
        jp: r.jp,
        capacity: r.capacity,
        seatsTaken: r.seats_taken,
        seatsLeft: Math.max(0, r.capacity - r.seats_taken),
        firstSessionDate: r.first_session_date,
        lastSessionDate: r.last_session_date,
        status: r.status,
        openForEnrolment: r.open,
        fundingOpd: r.funding_opd,
        fiscalYear: r.fiscal_year,
        releaseRequired: r.release_required,
      })),
      total,
      nextCursor: page.nextCursor,
    };
  }
}
