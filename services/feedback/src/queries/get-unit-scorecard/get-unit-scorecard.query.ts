import type { SurveyPeriod } from '../../ikm/survey-period';

export class GetUnitScorecardQuery {
  constructor(
    readonly unitCode: string,
    readonly period: SurveyPeriod,
  ) {}
}
