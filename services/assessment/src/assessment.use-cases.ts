// Every use case of the assessment service, one line each: find a feature here, then in its folder.
import { DefineCompetencyController } from './competency/define-competency/define-competency.http.controller';
import { DefineCompetencyHandler } from './competency/define-competency/define-competency.handler';
import { SetPositionStandardController } from './position-standard/set-position-standard/set-position-standard.http.controller';
import { SetPositionStandardHandler } from './position-standard/set-position-standard/set-position-standard.handler';
import { ScheduleAssessmentController } from './assessment-record/schedule-assessment/schedule-assessment.http.controller';
import { ScheduleAssessmentHandler } from './assessment-record/schedule-assessment/schedule-assessment.handler';
import { RecordAssessmentResultController } from './assessment-record/record-assessment-result/record-assessment-result.http.controller';
import { RecordAssessmentResultHandler } from './assessment-record/record-assessment-result/record-assessment-result.handler';
import { ExpireCertificationsController } from './assessment-record/expire-certifications/expire-certifications.http.controller';
import { ExpireCertificationsHandler } from './assessment-record/expire-certifications/expire-certifications.handler';
import { GetCompetencyDictionaryController } from './queries/get-competency-dictionary/get-competency-dictionary.http.controller';
import { GetCompetencyDictionaryHandler } from './queries/get-competency-dictionary/get-competency-dictionary.handler';
import { ListPositionStandardsController } from './queries/list-position-standards/list-position-standards.http.controller';
import { ListPositionStandardsHandler } from './queries/list-position-standards/list-position-standards.handler';
import { GetCompetencyProfileController } from './queries/get-competency-profile/get-competency-profile.http.controller';
import { GetCompetencyProfileHandler } from './queries/get-competency-profile/get-competency-profile.handler';
import { GetUnitGapReportController } from './queries/get-unit-gap-report/get-unit-gap-report.http.controller';
import { GetUnitGapReportHandler } from './queries/get-unit-gap-report/get-unit-gap-report.handler';
import { ListOverdueAssessmentsController } from './queries/list-overdue-assessments/list-overdue-assessments.http.controller';
import { ListOverdueAssessmentsHandler } from './queries/list-overdue-assessments/list-overdue-assessments.handler';

export const COMMAND_CONTROLLERS = [
  DefineCompetencyController,
  SetPositionStandardController,
  ScheduleAssessmentController,
  RecordAssessmentResultController,
  ExpireCertificationsController,
];
export const COMMAND_HANDLERS = [
  DefineCompetencyHandler,
  SetPositionStandardHandler,
  ScheduleAssessmentHandler,
  RecordAssessmentResultHandler,
  ExpireCertificationsHandler,
];

export const QUERY_CONTROLLERS = [
  GetCompetencyDictionaryController,
  ListPositionStandardsController,
  GetCompetencyProfileController,
  GetUnitGapReportController,
  ListOverdueAssessmentsController,
];
export const QUERY_HANDLERS = [
  GetCompetencyDictionaryHandler,
  ListPositionStandardsHandler,
  GetCompetencyProfileHandler,
  GetUnitGapReportHandler,
  ListOverdueAssessmentsHandler,
];
