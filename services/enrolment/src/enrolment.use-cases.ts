// Every use case of the enrolment service, one line each: find a feature here, then in its folder.
import { RegisterStaffController } from './staff/register-staff/register-staff.http.controller';
import { RegisterStaffHandler } from './staff/register-staff/register-staff.handler';
import { TransferStaffController } from './staff/transfer-staff/transfer-staff.http.controller';
import { TransferStaffHandler } from './staff/transfer-staff/transfer-staff.handler';
import { RecordStaffDepartureController } from './staff/record-staff-departure/record-staff-departure.http.controller';
import { RecordStaffDepartureHandler } from './staff/record-staff-departure/record-staff-departure.handler';
import { PublishProgrammeController } from './programme/publish-programme/publish-programme.http.controller';
import { PublishProgrammeHandler } from './programme/publish-programme/publish-programme.handler';
import { ReviseProgrammeController } from './programme/revise-programme/revise-programme.http.controller';
import { ReviseProgrammeHandler } from './programme/revise-programme/revise-programme.handler';
import { CancelProgrammeController } from './programme/cancel-programme/cancel-programme.http.controller';
import { CancelProgrammeHandler } from './programme/cancel-programme/cancel-programme.handler';
import { EnrolStaffController } from './programme/enrol-staff/enrol-staff.http.controller';
import { EnrolStaffHandler } from './programme/enrol-staff/enrol-staff.handler';
import { WithdrawEnrolmentController } from './programme/withdraw-enrolment/withdraw-enrolment.http.controller';
import { WithdrawEnrolmentHandler } from './programme/withdraw-enrolment/withdraw-enrolment.handler';
import { RecordAttendanceController } from './programme/record-attendance/record-attendance.http.controller';
import { RecordAttendanceHandler } from './programme/record-attendance/record-attendance.handler';
import { RecordLearningProgressController } from './programme/record-learning-progress/record-learning-progress.http.controller';
import { RecordLearningProgressHandler } from './programme/record-learning-progress/record-learning-progress.handler';
import { CompleteTrainingController } from './programme/complete-training/complete-training.http.controller';
import { CompleteTrainingHandler } from './programme/complete-training/complete-training.handler';
import { RecordNonCompletionController } from './programme/record-non-completion/record-non-completion.http.controller';
import { RecordNonCompletionHandler } from './programme/record-non-completion/record-non-completion.handler';
import { GetStaffProfileController } from './queries/get-staff-profile/get-staff-profile.http.controller';
import { GetStaffProfileHandler } from './queries/get-staff-profile/get-staff-profile.handler';
import { GetProgrammeController } from './queries/get-programme/get-programme.http.controller';
import { GetProgrammeHandler } from './queries/get-programme/get-programme.handler';
import { ListStaffBelowJpTargetController } from './queries/list-staff-below-jp-target/list-staff-below-jp-target.http.controller';
import { ListStaffBelowJpTargetHandler } from './queries/list-staff-below-jp-target/list-staff-below-jp-target.handler';
import { GetUnitSummaryController } from './queries/get-unit-summary/get-unit-summary.http.controller';
import { GetUnitSummaryHandler } from './queries/get-unit-summary/get-unit-summary.handler';

export const COMMAND_CONTROLLERS = [
  RegisterStaffController,
  TransferStaffController,
  RecordStaffDepartureController,
  PublishProgrammeController,
  ReviseProgrammeController,
  CancelProgrammeController,
  EnrolStaffController,
  WithdrawEnrolmentController,
  RecordAttendanceController,
  RecordLearningProgressController,
  CompleteTrainingController,
  RecordNonCompletionController,
];

export const COMMAND_HANDLERS = [
  RegisterStaffHandler,
  TransferStaffHandler,
  RecordStaffDepartureHandler,
  PublishProgrammeHandler,
  ReviseProgrammeHandler,
  CancelProgrammeHandler,
  EnrolStaffHandler,
  WithdrawEnrolmentHandler,
  RecordAttendanceHandler,
  RecordLearningProgressHandler,
  CompleteTrainingHandler,
  RecordNonCompletionHandler,
];

export const QUERY_CONTROLLERS = [
  GetStaffProfileController,
  GetProgrammeController,
  ListStaffBelowJpTargetController,
  GetUnitSummaryController,
];
export const QUERY_HANDLERS = [
  GetStaffProfileHandler,
  GetProgrammeHandler,
  ListStaffBelowJpTargetHandler,
  GetUnitSummaryHandler,
];
