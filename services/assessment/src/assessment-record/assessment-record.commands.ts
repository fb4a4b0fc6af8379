import type { AssessmentKind, AssessmentMethod } from '@kompeten/contracts';
import type { RequiredLevel } from '../position-standard/required-level';

/** Everything a staff member's assessment record can be asked; handlers and reactions fill in ids, dates and policy. */
export type AssessmentRecordCommand =
  | {
      type: 'SchedulePreAssessment';
      nip: string;
      enrolmentId: string;
      programmeId: string;
      competencyCode: string;
      confirmedOn: string;
      preDueDays: number;
    }
  | {
      type: 'ScheduleAfterTraining';
      nip: string;
      enrolmentId: string;
      programmeId: string;
      competencyCode: string;
      completedOn: string;
      postDueDays: number;
      followUpMonths: number;
    }
  | {
      type: 'ScheduleAssessment';
      nip: string;
      assessmentId: string;
      kind: AssessmentKind;
      competencyCode: string | null;
      /** Whether competencyCode is in the dictionary (the handler asks the log). */
      competencyKnown: boolean;
      enrolmentId: string | null;
      dueOn: string;
    }
  | {
      type: 'RecordAssessmentResult';
      nip: string;
      assessmentId: string;
      assessor: string;
      method: AssessmentMethod;
      score: number;
      assessedOn: string;
      today: string;
      required: RequiredLevel;
      certificationMonths: number;
    }
  | {
      type: 'CancelOpenAssessments';
      nip: string;
      enrolmentId?: string;
      programmeId?: string;
      reason: 'enrolment-withdrawn' | 'training-not-completed' | 'programme-cancelled';
    }
  | { type: 'ExpireCertification'; nip: string; certificationId: string; asOf: string };

export type CommandOf<T extends AssessmentRecordCommand['type']> = Extract<AssessmentRecordCommand, { type: T }>;
