// Every use case of the feedback service, one line each: find a feature here, then in its folder.
import { RegisterServiceUnitController } from './service-unit/register-service-unit/register-service-unit.http.controller';
import { RegisterServiceUnitHandler } from './service-unit/register-service-unit/register-service-unit.handler';
import { ReviseServiceUnitController } from './service-unit/revise-service-unit/revise-service-unit.http.controller';
import { ReviseServiceUnitHandler } from './service-unit/revise-service-unit/revise-service-unit.handler';
import { SubmitSurveyResponseController } from './survey/submit-survey-response/submit-survey-response.http.controller';
import { SubmitSurveyResponseHandler } from './survey/submit-survey-response/submit-survey-response.handler';
import { RejectSurveyResponseController } from './survey/reject-survey-response/reject-survey-response.http.controller';
import { RejectSurveyResponseHandler } from './survey/reject-survey-response/reject-survey-response.handler';
import { CloseSurveyPeriodController } from './survey/close-survey-period/close-survey-period.http.controller';
import { CloseSurveyPeriodHandler } from './survey/close-survey-period/close-survey-period.handler';
import { GetUnitScorecardController } from './queries/get-unit-scorecard/get-unit-scorecard.http.controller';
import { GetUnitScorecardHandler } from './queries/get-unit-scorecard/get-unit-scorecard.handler';
import { GetLeagueTableController } from './queries/get-league-table/get-league-table.http.controller';
import { GetLeagueTableHandler } from './queries/get-league-table/get-league-table.handler';
import { GetCorrelationReportController } from './queries/get-correlation-report/get-correlation-report.http.controller';
import { GetCorrelationReportHandler } from './queries/get-correlation-report/get-correlation-report.handler';
import { ListSurveyResponsesController } from './queries/list-survey-responses/list-survey-responses.http.controller';
import { ListSurveyResponsesHandler } from './queries/list-survey-responses/list-survey-responses.handler';
import { CorrelationReportBuilder } from './correlation/correlation-report.builder';
import { UnitPeriodFactsReader } from './correlation/unit-period-facts.reader';

export const COMMAND_CONTROLLERS = [
  RegisterServiceUnitController,
  ReviseServiceUnitController,
  SubmitSurveyResponseController,
  RejectSurveyResponseController,
  CloseSurveyPeriodController,
];
export const COMMAND_HANDLERS = [
  RegisterServiceUnitHandler,
  ReviseServiceUnitHandler,
  SubmitSurveyResponseHandler,
  RejectSurveyResponseHandler,
  CloseSurveyPeriodHandler,
];

export const QUERY_CONTROLLERS = [
  GetUnitScorecardController,
  GetLeagueTableController,
  GetCorrelationReportController,
  ListSurveyResponsesController,
];
export const QUERY_HANDLERS = [
  GetUnitScorecardHandler,
  GetLeagueTableHandler,
  GetCorrelationReportHandler,
  ListSurveyResponsesHandler,
];
/** What the query handlers read through: the correlation read model's rows and the report built on them. */
export const READERS = [UnitPeriodFactsReader, CorrelationReportBuilder];
