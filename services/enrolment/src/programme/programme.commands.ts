import type {
  AttendanceOverride,
  DeclineReason,
  FundingNeed,
  SuratTugas,
  NonCompletionReason,
  ProgrammeDetails,
  WithdrawalReason,
  WorkUnit,
} from '@kompeten/contracts';

/**
 * Everything the programme decider can be asked; handlers fill in ids and the time. `today` is the
 * city's date (CityCalendar) when the command is decided — the decider never reads a clock.
 */
export type ProgrammeCommand =
  | { type: 'PublishProgramme'; programmeId: string; details: ProgrammeDetails }
  | { type: 'ReviseProgramme'; changes: Partial<ProgrammeDetails>; today: string }
  | { type: 'CancelProgramme'; reason: string }
  | {
      type: 'EnrolStaff';
      enrolmentId: string;
      nip: string;
      workUnit: WorkUnit;
      staffActive: boolean;
      today: string;
      /** The day the enrolment was made (the request's, default today). */
      enrolledOn: string;
      /** Read by the handler that day (funding-need.ts): every funds request of this enrolment carries it. */
      need: FundingNeed | null;
    }
  | { type: 'ConfirmEnrolment'; nip: string; enrolmentId: string; commitmentId: string }
  | { type: 'WaitlistForFunds'; nip: string; enrolmentId: string; attempt: number; detail: string; today: string }
  /** `need`: read today, used only when the enrolment has none stored (made before needs were recorded). */
  | { type: 'RequestFundsAgain'; nip: string; today: string; need: FundingNeed | null }
  | { type: 'WithdrawEnrolment'; nip: string; reason: WithdrawalReason; note: string | null; today: string }
  | { type: 'RecordAttendance'; nip: string; sessionId: string; attended: boolean }
  | {
      type: 'RecordLearningProgress';
      nip: string;
      statementId: string;
      verb: 'started' | 'completed' | 'scored' | 'spent';
      moduleId: string;
      score: number | null;
      seconds: number | null;
      deviceTimestamp: string;
      /** The city date of deviceTimestamp (the completion date when this statement completes the training). */
      deviceDate: string;
      /** When the service received the statement (an instant, ISO 8601): the device may not be ahead of it. */
      receivedAt: string;
    }
  | {
      type: 'CompleteTraining';
      nip: string;
      completedOn: string;
      attendanceOverride: AttendanceOverride | null;
      today: string;
    }
  | { type: 'RecordNonCompletion'; nip: string; reason: NonCompletionReason; note: string | null }
  /** From the unit's training calendar (StaffReleased): the unit head released the staff member. */
  | {
      type: 'ApproveEnrolment';
      nip: string;
      enrolmentId: string;
      suratTugas: SuratTugas;
      approvedOn: string;
      nominated: boolean;
    }
  | { type: 'DeclineEnrolment'; nip: string; reason: DeclineReason; note: string | null; today: string };
