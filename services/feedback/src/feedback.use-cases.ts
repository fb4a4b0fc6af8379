// Every use case of the feedback service, one line each: find a feature here, then in its folder.
// Each handler serves the use case declared in libs/api/src/feedback (@Handles).
import { RegisterServiceUnitHandler } from './service-unit/register-service-unit/register-service-unit.handler';
import { ReviseServiceUnitHandler } from './service-unit/revise-service-unit/revise-service-unit.handler';
import { SubmitSurveyResponseHandler } from './survey/submit-survey-response/submit-survey-response.handler';
import { RejectSurveyResponseHandler } from './survey/reject-survey-response/reject-survey-response.handler';
import { CloseSurveyPeriodHandler } from './survey/close-survey-period/close-survey-period.handler';
import { GetUnitScorecardHandler } from './queries/get-unit-scorecard/get-unit-scorecard.handler';
import { GetLeagueTableHandler } from './queries/get-league-table/get-league-table.handler';
import { GetCorrelationReportHandler } from './queries/get-correlation-report/get-correlation-report.handler';
import { ListSurveyResponsesHandler } from './queries/list-survey-responses/list-survey-responses.handler';

export const USE_CASE_HANDLERS = [
  // Commands
  RegisterServiceUnitHandler,
  ReviseServiceUnitHandler,
  SubmitSurveyResponseHandler,
  RejectSurveyResponseHandler,
  CloseSurveyPeriodHandler,
  // Queries
  GetUnitScorecardHandler,
  GetLeagueTableHandler,
  GetCorrelationReportHandler,
  ListSurveyResponsesHandler,
];
