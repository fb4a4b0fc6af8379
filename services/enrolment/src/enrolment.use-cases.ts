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
import { GetStaffRecordHandler } from './queries/get-staff-record/get-staff-record.handler';
import { GetProgrammeHandler } from './queries/get-programme/get-programme.handler';
import { ListStaffBelowJpTargetHandler } from './queries/list-staff-below-jp-target/list-staff-below-jp-target.handler';
import { GetUnitSummaryHandler } from './queries/get-unit-summary/get-unit-summary.handler';

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
  // Queries (read models)
  GetStaffRecordHandler,
  GetProgrammeHandler,
  ListStaffBelowJpTargetHandler,
  GetUnitSummaryHandler,
];
