// Every use case of the enrolment service, one line each: find a feature here, then in its folder.
// Each handler serves the use case declared in libs/api/src/enrolment (@Handles).
import { RegisterStaffHandler } from './staff/register-staff/register-staff.handler';
import { TransferStaffHandler } from './staff/transfer-staff/transfer-staff.handler';
import { RecordStaffDepartureHandler } from './staff/record-staff-departure/record-staff-departure.handler';
import { PublishProgrammeHandler } from './programme/publish-programme/publish-programme.handler';
import { ReviseProgrammeHandler } from './programme/revise-programme/revise-programme.handler';
import { CancelProgrammeHandler } from './programme/cancel-programme/cancel-programme.handler';
import { EnrolStaffHandler } from './programme/enrol-staff/enrol-staff.handler';
import { WithdrawEnrolmentHandler } from './programme/withdraw-enrolment/withdraw-enrolment.handler';
import { RequestFundsAgainHandler } from './programme/request-funds-again/request-funds-again.handler';
import { RecordAttendanceHandler } from './programme/record-attendance/record-attendance.handler';
import { RecordLearningProgressHandler } from './programme/record-learning-progress/record-learning-progress.handler';
import { CompleteTrainingHandler } from './programme/complete-training/complete-training.handler';
import { RecordNonCompletionHandler } from './programme/record-non-completion/record-non-completion.handler';
import { NominateStaffHandler } from './training-calendar/nominate-staff/nominate-staff.handler';
import { ApproveReleaseHandler } from './training-calendar/approve-release/approve-release.handler';
import { DeclineReleaseHandler } from './training-calendar/decline-release/decline-release.handler';
import { SetContinuityRuleHandler } from './training-calendar/set-continuity-rule/set-continuity-rule.handler';
import { GetTrainingCalendarHandler } from './training-calendar/get-training-calendar/get-training-calendar.handler';
import { GetStaffRecordHandler } from './queries/get-staff-record/get-staff-record.handler';
import { GetProgrammeHandler } from './queries/get-programme/get-programme.handler';
import { ListStaffBelowJpTargetHandler } from './queries/list-staff-below-jp-target/list-staff-below-jp-target.handler';
import { GetUnitSummaryHandler } from './queries/get-unit-summary/get-unit-summary.handler';
import { ListProgrammesHandler } from './queries/list-programmes/list-programmes.handler';
import { ListStaffHandler } from './queries/list-staff/list-staff.handler';
import { GetReleaseReportHandler } from './queries/get-release-report/get-release-report.handler';
import { CreateStaffCalendarFeedHandler } from './calendar/create-staff-calendar-feed/create-staff-calendar-feed.handler';
import { RevokeStaffCalendarFeedHandler } from './calendar/revoke-staff-calendar-feed/revoke-staff-calendar-feed.handler';
import { CreateUnitCalendarFeedHandler } from './calendar/create-unit-calendar-feed/create-unit-calendar-feed.handler';
import { RevokeUnitCalendarFeedHandler } from './calendar/revoke-unit-calendar-feed/revoke-unit-calendar-feed.handler';
import { GetCalendarFeedHandler } from './calendar/get-calendar-feed/get-calendar-feed.handler';
import { GetNeedsAnalysisHandler } from './planning/get-needs-analysis/get-needs-analysis.handler';
import { DraftTrainingPlanHandler } from './training-plan/draft-training-plan/draft-training-plan.handler';
import { ReviseTrainingPlanHandler } from './training-plan/revise-training-plan/revise-training-plan.handler';
import { SubmitTrainingPlanHandler } from './training-plan/submit-training-plan/submit-training-plan.handler';
import { ReturnTrainingPlanHandler } from './training-plan/return-training-plan/return-training-plan.handler';
import { ApproveTrainingPlanHandler } from './training-plan/approve-training-plan/approve-training-plan.handler';
import { GetTrainingPlanHandler } from './training-plan/get-training-plan/get-training-plan.handler';
import { GetShortageEstimateHandler } from './queries/get-shortage/get-shortage-estimate.handler';
import { GetPlanVsActualHandler } from './queries/get-plan-vs-actual/get-plan-vs-actual.handler';
import { ExportTrainingHistoryHandler } from './training-history-export/export-training-history.handler';
import { ProposeDevelopmentPlanHandler } from './development-plan/propose-development-plan/propose-development-plan.handler';
import { AgreeDevelopmentPlanHandler } from './development-plan/agree-development-plan/agree-development-plan.handler';
import { GetDevelopmentPlanHandler } from './development-plan/get-development-plan/get-development-plan.handler';
import { GetCertificateHandler } from './certificate/get-certificate/get-certificate.handler';
import { GetCertificatePdfHandler } from './certificate/get-certificate-pdf/get-certificate-pdf.handler';
import { VerifyCertificateHandler } from './certificate/verify-certificate/verify-certificate.handler';
import { RevokeCertificateHandler } from './certificate/revoke-certificate/revoke-certificate.handler';
import { ChooseCertificateDisclosureHandler } from './certificate/choose-certificate-disclosure/choose-certificate-disclosure.handler';
import { ListStaffCertificatesHandler } from './certificate/list-staff-certificates/list-staff-certificates.handler';
import { RecordExternalLearningHandler } from './external-learning/record-external-learning/record-external-learning.handler';
import { VerifyExternalLearningHandler } from './external-learning/verify-external-learning/verify-external-learning.handler';
import { RejectExternalLearningHandler } from './external-learning/reject-external-learning/reject-external-learning.handler';
import { ListExternalLearningHandler } from './external-learning/list-external-learning/list-external-learning.handler';
import { RegisterLearningPlatformHandler } from './learning-platform/register-learning-platform/register-learning-platform.handler';
import { RetireLearningPlatformHandler } from './learning-platform/retire-learning-platform/retire-learning-platform.handler';
import { ListLearningPlatformsHandler } from './learning-platform/list-learning-platforms/list-learning-platforms.handler';
import { RecordXapiStatementsHandler } from './learning-platform/record-xapi-statements/record-xapi-statements.handler';

export const USE_CASE_HANDLERS = [
  // Staff roster (commands)
  RegisterStaffHandler,
  TransferStaffHandler,
  RecordStaffDepartureHandler,
  // Programmes and enrolments (commands)
  PublishProgrammeHandler,
  ReviseProgrammeHandler,
  CancelProgrammeHandler,
  EnrolStaffHandler,
  WithdrawEnrolmentHandler,
  RequestFundsAgainHandler,
  RecordAttendanceHandler,
  RecordLearningProgressHandler,
  CompleteTrainingHandler,
  RecordNonCompletionHandler,
  // Release by the unit head (training calendar: surat tugas, continuity)
  NominateStaffHandler,
  ApproveReleaseHandler,
  DeclineReleaseHandler,
  SetContinuityRuleHandler,
  GetTrainingCalendarHandler,
  // Queries (read models)
  GetStaffRecordHandler,
  GetProgrammeHandler,
  ListStaffBelowJpTargetHandler,
  GetUnitSummaryHandler,
  ListProgrammesHandler,
  ListStaffHandler,
  GetReleaseReportHandler,
  // Calendar feeds (iCalendar, by a secret token)
  CreateStaffCalendarFeedHandler,
  RevokeStaffCalendarFeedHandler,
  CreateUnitCalendarFeedHandler,
  RevokeUnitCalendarFeedHandler,
  GetCalendarFeedHandler,
  // Planning (needs analysis, training plans, development plans)
  GetNeedsAnalysisHandler,
  DraftTrainingPlanHandler,
  ReviseTrainingPlanHandler,
  SubmitTrainingPlanHandler,
  ReturnTrainingPlanHandler,
  ApproveTrainingPlanHandler,
  GetTrainingPlanHandler,
  ProposeDevelopmentPlanHandler,
  AgreeDevelopmentPlanHandler,
  GetDevelopmentPlanHandler,
  // External learning (outside the catalogue: recorded, then verified — JP credited — or rejected)
  RecordExternalLearningHandler,
  VerifyExternalLearningHandler,
  RejectExternalLearningHandler,
  ListExternalLearningHandler,
  // Certificates (issued by a reaction; read, printed, verified publicly, revoked)
  GetCertificateHandler,
  GetCertificatePdfHandler,
  VerifyCertificateHandler,
  RevokeCertificateHandler,
  ChooseCertificateDisclosureHandler,
  ListStaffCertificatesHandler,
  // Planning reports (the shortage's price, plan against actual)
  GetShortageEstimateHandler,
  GetPlanVsActualHandler,
  // The training history in the national system's shape (SIASN riwayat diklat/kursus)
  ExportTrainingHistoryHandler,
  // Learning platforms and their xAPI statements (trusted e-learning)
  RegisterLearningPlatformHandler,
  RetireLearningPlatformHandler,
  ListLearningPlatformsHandler,
  RecordXapiStatementsHandler,
];
