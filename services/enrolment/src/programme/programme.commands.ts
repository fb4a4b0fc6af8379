import type { ProgrammeDetails, WithdrawalReason, WorkUnit } from '@kompeten/contracts';

/** Everything the programme decider can be asked; handlers fill in ids and the clock. */
export type ProgrammeCommand =
  | { type: 'PublishProgramme'; programmeId: string; details: ProgrammeDetails }
  | { type: 'ReviseProgramme'; changes: Partial<ProgrammeDetails> }
  | { type: 'CancelProgramme'; reason: string }
  | { type: 'EnrolStaff'; enrolmentId: string; nip: string; workUnit: WorkUnit; staffActive: boolean; year: number }
  | { type: 'ConfirmEnrolment'; nip: string; enrolmentId: string; commitmentId: string }
  | { type: 'WaitlistForFunds'; nip: string; enrolmentId: string; detail: string }
  | { type: 'WithdrawEnrolment'; nip: string; reason: WithdrawalReason; note: string | null; year: number }
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
      today: string;
    }
  | { type: 'CompleteTraining'; nip: string; completedOn: string }
  | { type: 'RecordNonCompletion'; nip: string; reason: string };
