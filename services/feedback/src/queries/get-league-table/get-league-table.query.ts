import type { UnitFilter } from '../../correlation/unit-period-facts.reader';
import type { SurveyPeriod } from '../../ikm/survey-period';

export class GetLeagueTableQuery {
  constructor(
    readonly period: SurveyPeriod,
    readonly filter: UnitFilter,
  ) {}
}
