import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { competencyNames } from '../competency-names';
import { requirementRows } from '../required-levels';
import { GetUnitGapReportQuery } from './get-unit-gap-report.query';
import { staffWithGaps, unitGaps } from './unit-gaps';

/** A unit's competency gaps against its staff's position standards, now. */
@QueryHandler(GetUnitGapReportQuery)
export class GetUnitGapReportHandler implements IQueryHandler<GetUnitGapReportQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ opd, serviceUnit }: GetUnitGapReportQuery) {
    const [{ headcount }] = await this.db.query<{ headcount: number }[]>(
      `select count(*)::int as headcount from staff_roster where status = 'active' and opd = $1 and ($2::text is null or service_unit = $2)`,
      [opd, serviceUnit],
    );
    const rows = await requirementRows(this.db, { opd, serviceUnit });
    const staff = staffWithGaps(rows);
    return {
      opd,
      serviceUnit,
      headcount,
      staffWithStandard: new Set(rows.map((r) => r.nip)).size,
      staffWithGap: staff.length,
      competencies: unitGaps(rows, await competencyNames(this.db)),
      staff,
    };
  }
}
