import type { SurveyPeriod } from '../../ikm/survey-period';

export class ListSurveyResponsesQuery {
  constructor(
    readonly unitCode: string,
    readonly period: SurveyPeriod,
    readonly includePersonal: boolean,
    readonly limit: number,
    readonly offset: number,
  ) {}
}
