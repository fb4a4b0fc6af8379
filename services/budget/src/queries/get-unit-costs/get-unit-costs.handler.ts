import { DataSource } from 'typeorm';
import { getUnitCosts, type ResponseOf } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { rupiah } from '../money';

/** The figures of spent commitments (sums are null when nothing was spent). */
interface CostRow {
  completions: number;
  trained: number;
  spent: string | number | null;
  jp: string | number | null;
}

/** Spent money per lesson hour delivered and per staff member trained, with the counts behind each figure. */
export function costFigures(r: CostRow) {
  const spent = rupiah(r.spent);
  const jp = rupiah(r.jp);
  return {
    completions: r.completions,
    trainedStaff: r.trained,
    spent,
    jpDelivered: jp,
    costPerJp: jp ? Math.round(spent / jp) : null,
    costPerTrainedStaff: r.trained ? Math.round(spent / r.trained) : null,
  };
}

const SPENT = `from budget_commitment c join budget_overview b using (budget_id) where c.status = 'spent' and b.opd = $1 and b.fiscal_year = $2`;

/** Money spent on completed training in a unit's year: overall and per programme. */
@Handles(getUnitCosts)
export class GetUnitCostsHandler implements UseCaseHandler<typeof getUnitCosts> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { opd }, query }: UseCaseRequest<typeof getUnitCosts>): Promise<UnitCostsView> {
    // "This year" is the city's: on New Year's morning in WIB it is already the new fiscal year.
    const fiscalYear = query.fiscalYear ?? this.calendar.fiscalYearAt(this.clock.now());
    const figures = `count(*)::int as completions, count(distinct c.nip)::int as trained, sum(c.spent) as spent, sum(c.jp) as jp`;
    const [total] = await this.db.query<CostRow[]>(`select ${figures} ${SPENT}`, [opd, fiscalYear]);
    const rows = await this.db.query<(CostRow & { programme_id: string })[]>(
      `select c.programme_id, ${figures} ${SPENT} group by c.programme_id order by c.programme_id`,
      [opd, fiscalYear],
    );
    return {
      opd,
      fiscalYear,
      ...costFigures(total),
      byProgramme: rows.map((r) => ({
        programmeId: r.programme_id,
        ...costFigures(r),
      })),
    };
  }
}

/** What GET /units/:opd/costs answers. */
export type UnitCostsView = ResponseOf<typeof getUnitCosts>;
