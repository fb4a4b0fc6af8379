import { DataSource } from 'typeorm';
import { getUnitGapReport } from '@kompeten/api';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { competencyNames } from '../competency-names';
import { requirementRows } from '../required-levels';
import { staffWithGaps, unitGaps } from './unit-gaps';

/** A unit's competency gaps against its staff's position standards, now. */
@Handles(getUnitGapReport)
export class GetUnitGapReportHandler implements UseCaseHandler<typeof getUnitGapReport> {
  constructor(private readonly db: DataSource) {}

  async handle({ params: { opd }, query }: UseCaseRequest<typeof getUnitGapReport>) {
    const serviceUnit = query.serviceUnit ?? null;
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
