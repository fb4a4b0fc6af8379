import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SurveyPeriod } from '../ikm/survey-period';
import { assembleFacts, ServiceUnitRow, trainingWindow, UnitPeriodFacts } from './unit-period-facts';
import { surveyTotals, type SurveyTotalsRow, trainingRows } from './training-measures.sql';

export interface UnitFilter {
  unitCodes?: string[];
  opd?: string;
  kind?: string;
}

/** Reads the correlation read model's rows (unit × period) from the survey and training-history tables. */
@Injectable()
export class UnitPeriodFactsReader {
  constructor(private readonly db: DataSource) {}

  units(filter: UnitFilter = {}): Promise<ServiceUnitRow[]> {
    return this.db.query(
      `select unit_code, name, opd, kind, annual_service_users from service_units
        where ($1::text[] is null or unit_code = any($1)) and ($2::text is null or opd = $2) and ($3::text is null or kind = $3)
        order by unit_code`,
      [filter.unitCodes ?? null, filter.opd ?? null, filter.kind ?? null],
    );
  }

  /** `totals`: the period's survey totals when the caller has them already (the report reads each period once). */
  async facts(
    period: SurveyPeriod,
    filter: UnitFilter = {},
    known?: { units: ServiceUnitRow[]; totals: (p: SurveyPeriod) => Promise<SurveyTotalsRow[]> },
  ): Promise<UnitPeriodFacts[]> {
    const units = known?.units ?? (await this.units(filter));
    if (units.length === 0) return [];
    const codes = units.map((u) => u.unit_code);
    const { asOf, windowStart } = trainingWindow(period);
    const [totals, rows] = await Promise.all([
      known ? known.totals(period) : surveyTotals(this.db, period.start, period.end, codes),
      trainingRows(this.db, asOf, windowStart, codes),
    ]);
    return assembleFacts(units, period, totals, rows);
  }
}
