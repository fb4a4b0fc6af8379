// Every use case of the assessment service, one line each: find a feature here, then in its folder.
// Each handler serves the libs/api declaration named in its @Handles(...).
import { DefineCompetencyHandler } from './competency/define-competency/define-competency.handler';
import { SetPositionStandardHandler } from './position-standard/set-position-standard/set-position-standard.handler';
import { ScheduleAssessmentHandler } from './assessment-record/schedule-assessment/schedule-assessment.handler';
import { RecordAssessmentResultHandler } from './assessment-record/record-assessment-result/record-assessment-result.handler';
import { ExpireCertificationsHandler } from './assessment-record/expire-certifications/expire-certifications.handler';
import { GetCompetencyDictionaryHandler } from './queries/get-competency-dictionary/get-competency-dictionary.handler';
import { ListPositionStandardsHandler } from './queries/list-position-standards/list-position-standards.handler';
import { GetCompetencyProfileHandler } from './queries/get-competency-profile/get-competency-profile.handler';
import { GetUnitGapReportHandler } from './queries/get-unit-gap-report/get-unit-gap-report.handler';
import { ListOverdueAssessmentsHandler } from './queries/list-overdue-assessments/list-overdue-assessments.handler';
import { ListExpiringCertificationsHandler } from './queries/list-expiring-certifications/list-expiring-certifications.handler';

export const USE_CASE_HANDLERS = [
  // Commands
  DefineCompetencyHandler,
  SetPositionStandardHandler,
  ScheduleAssessmentHandler,
  RecordAssessmentResultHandler,
  ExpireCertificationsHandler,
  // Queries
  GetCompetencyDictionaryHandler,
  ListPositionStandardsHandler,
  GetCompetencyProfileHandler,
  GetUnitGapReportHandler,
  ListOverdueAssessmentsHandler,
  ListExpiringCertificationsHandler,
];
