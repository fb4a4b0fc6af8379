import type {
  CompetencyType,
  ExternalLearningForm,
  ExternalLearningRejectionReason,
  LearningEvidence,
  WorkUnit,
} from '@kompeten/contracts';

/** Every date is a city date (CityCalendar); the decider never reads a clock. */
export type ExternalLearningCommand =
  | {
      type: 'RecordExternalLearning';
      learningId: string;
      nip: string;
      /** From the staff member's stream: their unit now, and whether they still serve. */
      workUnit: WorkUnit;
      staffActive: boolean;
      form: ExternalLearningForm;
      title: string;
      provider: string;
      startDate: string;
      endDate: string;
      minutes: number;
      evidence: LearningEvidence;
      providerCertificateNumber: string | null;
      competencyType: CompetencyType | null;
      competencyArea: string | null;
      today: string;
    }
  | {
      type: 'VerifyExternalLearning';
      learningId: string;
      /** JP of the same form already credited to the same person in the record's year (the read model's). */
      alreadyCredited: number;
      today: string;
    }
  | {
      type: 'RejectExternalLearning';
      learningId: string;
      reason: ExternalLearningRejectionReason;
      note: string | null;
      today: string;
    };

export const externalLearningStreamId = (learningId: string) => `external-learning-${learningId}`;
