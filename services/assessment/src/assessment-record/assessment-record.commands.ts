import type { AssessmentKind, AssessmentMethod } from '@kompeten/contracts';
import type { RequiredLevel } from '../position-standard/required-level';
import type { ScoreLevels } from './score-levels';

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
      /** The city's date when the result is recorded (CityCalendar): the result may not be dated after it. */
      today: string;
      required: RequiredLevel;
      certificationMonths: number;
      /** How each method's scores become levels (the policy's, from ASSESSMENT_SCORE_LEVELS or the default). */
      scoreLevels: ScoreLevels;
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
