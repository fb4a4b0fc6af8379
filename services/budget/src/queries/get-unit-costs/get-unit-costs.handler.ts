import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { rupiah } from '../money';
import { GetUnitCostsQuery } from './get-unit-costs.query';

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

@QueryHandler(GetUnitCostsQuery)
export class GetUnitCostsHandler implements IQueryHandler<GetUnitCostsQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ opd, fiscalYear }: GetUnitCostsQuery) {
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
