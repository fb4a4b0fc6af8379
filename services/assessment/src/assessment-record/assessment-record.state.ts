import type { AssessmentKind, AssessmentMethod, AssessmentRecordEvent } from '@kompeten/contracts';

export interface Assessment {
  assessmentId: string;
  kind: AssessmentKind;
  competencyCode: string;
  enrolmentId: string | null;
  programmeId: string | null;
  dueOn: string;
  status: 'scheduled' | 'recorded' | 'cancelled';
  result?: { assessor: string; method: AssessmentMethod; score: number; level: number; assessedOn: string };
}

/** A training this record knows of, from the assessments its enrolment events scheduled. */
export interface Training {
  enrolmentId: string;
  programmeId: string;
  competencyCode: string;
  completedOn: string | null;
}

/** The current certification of one competency (a newer one supersedes it). */
export interface Certification {
  certificationId: string;
  competencyCode: string;
  level: number;
  expiresOn: string;
  status: 'valid' | 'expired';
}

export interface AssessmentRecordState {
  assessments: Record<string, Assessment>;
  trainings: Record<string, Training>;
  certifications: Record<string, Certification>;
}

export const initialRecordState = (): AssessmentRecordState => ({ assessments: {}, trainings: {}, certifications: {} });

export function evolveRecord(s: AssessmentRecordState, event: AssessmentRecordEvent): AssessmentRecordState {
  switch (event.type) {
    case 'AssessmentScheduled': {
      const d = event.data;
      const assessments = {
        ...s.assessments,
        [d.assessmentId]: {
          assessmentId: d.assessmentId,
          kind: d.kind,
          competencyCode: d.competencyCode,
          enrolmentId: d.enrolmentId,
          programmeId: d.programmeId,
          dueOn: d.dueOn,
          status: 'scheduled',
        } satisfies Assessment,
      };
      if (!d.enrolmentId || !d.programmeId) return { ...s, assessments };
      const known = s.trainings[d.enrolmentId];
      const completedOn = d.trainingCompletedOn ?? known?.completedOn ?? null;
      return {
        ...s,
        assessments,
        trainings: {
          ...s.trainings,
          [d.enrolmentId]: {
            enrolmentId: d.enrolmentId,
            programmeId: d.programmeId,
            competencyCode: d.competencyCode,
            completedOn,
          },
        },
      };
    }
    case 'AssessmentRecorded': {
      const { assessmentId, assessor, method, score, level, assessedOn } = event.data;
      return {
        ...s,
        assessments: {
          ...s.assessments,
          [assessmentId]: {
            ...s.assessments[assessmentId],
            status: 'recorded',
            result: { assessor, method, score, level, assessedOn },
          },
        },
      };
    }
    case 'AssessmentCancelled':
      return {
        ...s,
        assessments: {
          ...s.assessments,
          [event.data.assessmentId]: { ...s.assessments[event.data.assessmentId], status: 'cancelled' },
        },
      };
    case 'CompetencyCertified': {
      const { certificationId, competencyCode, level, expiresOn } = event.data;
      return {
        ...s,
        certifications: {
          ...s.certifications,
          [competencyCode]: { certificationId, competencyCode, level, expiresOn, status: 'valid' },
        },
      };
    }
    case 'CertificationExpired': {
      const current = s.certifications[event.data.competencyCode];
      if (current?.certificationId !== event.data.certificationId) return s;
      return {
        ...s,
        certifications: { ...s.certifications, [current.competencyCode]: { ...current, status: 'expired' } },
      };
    }
    case 'CompetencyGapIdentified':
      return s;
    default: {
      const never: never = event;
      return never;
    }
  }
}
