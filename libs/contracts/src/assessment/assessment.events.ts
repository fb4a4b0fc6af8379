import type { EventContract } from '../event-contract';
import type { CompetencyType } from '../enrolment/shared.types';

/** pre and post measure learning (Kirkpatrick 2); on-the-job, 3–6 months later, behaviour (3); periodic stands alone. */
export const ASSESSMENT_KINDS = ['pre', 'post', 'on-the-job', 'periodic'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

export const ASSESSMENT_METHODS = ['test', 'observation', '360', 'portfolio'] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

/**
 * What a score means: its range per method. The level (1..5) a score reaches is the assessment
 * service's configuration per method (services/assessment/src/assessment-record/score-levels.ts,
 * ASSESSMENT_SCORE_LEVELS); AssessmentRecorded carries the level it gave.
 */
export const METHOD_SCORE_RANGES: Record<AssessmentMethod, { min: number; max: number }> = {
  test: { min: 0, max: 100 },
  observation: { min: 1, max: 5 },
  '360': { min: 1, max: 5 },
  portfolio: { min: 0, max: 100 },
};

export const COMPETENCY_LEVELS = [1, 2, 3, 4, 5] as const;

/** Why an assessment was scheduled: by an enrolment event, or by hand. */
export type AssessmentTrigger = 'enrolment-confirmed' | 'training-completed' | 'manual';

/** Stream `competency-<code>`: a teknis competency of the agency's dictionary (the 9 national ones are fixed by PermenPANRB 38/2017). */
export type CompetencyDefined = {
  type: 'CompetencyDefined';
  data: {
    code: string;
    name: string;
    competencyType: CompetencyType;
    description: string | null;
    /** Five descriptions, level 1 first (null when not given). */
    levelDescriptions: string[] | null;
    /** `on-demand`: created when a programme first named this competency area; `agency`: defined through the API. */
    origin: 'agency' | 'on-demand';
    competencyArea: string | null;
  };
};

/** Stream `position-standard-<positionKey>`: the required level per competency of one position (replaces the previous set). */
export type PositionStandardSet = {
  type: 'PositionStandardSet';
  data: { positionKey: string; position: string; requirements: { competencyCode: string; level: number }[] };
};

/** Stream `assessment-record-<nip>`: one staff member's assessments, certifications and gaps. */
export type AssessmentScheduled = {
  type: 'AssessmentScheduled';
  data: {
    assessmentId: string;
    nip: string;
    kind: AssessmentKind;
    competencyCode: string;
    enrolmentId: string | null;
    programmeId: string | null;
    /** The training's completion date (post and on-the-job assessments). */
    trainingCompletedOn: string | null;
    dueOn: string;
    trigger: AssessmentTrigger;
  };
};
export type AssessmentRecorded = {
  type: 'AssessmentRecorded';
  data: {
    assessmentId: string;
    nip: string;
    kind: AssessmentKind;
    competencyCode: string;
    enrolmentId: string | null;
    programmeId: string | null;
    /** Who assessed: an assessor id (a NIP, `user:…`, `vendor:…`), never a name. */
    assessor: string;
    method: AssessmentMethod;
    score: number;
    level: number;
    assessedOn: string;
    dueOn: string;
    late: boolean;
    /** Post-assessments: post level − pre level for the same enrolment, when the pre was recorded. */
    learningGain: number | null;
  };
};
export type AssessmentCancelled = {
  type: 'AssessmentCancelled';
  data: {
    assessmentId: string;
    nip: string;
    enrolmentId: string | null;
    reason: 'enrolment-withdrawn' | 'training-not-completed' | 'programme-cancelled';
  };
};
export type CompetencyCertified = {
  type: 'CompetencyCertified';
  data: {
    certificationId: string;
    nip: string;
    competencyCode: string;
    level: number;
    requiredLevel: number;
    assessmentId: string;
    enrolmentId: string | null;
    programmeId: string | null;
    certifiedOn: string;
    /** The first day it is no longer valid. */
    expiresOn: string;
  };
};
export type CertificationExpired = {
  type: 'CertificationExpired';
  data: {
    certificationId: string;
    nip: string;
    competencyCode: string;
    level: number;
    expiresOn: string;
    detectedOn: string;
  };
};
/** An assessment found the staff member below their position's required level. */
export type CompetencyGapIdentified = {
  type: 'CompetencyGapIdentified';
  data: {
    nip: string;
    competencyCode: string;
    position: string;
    requiredLevel: number;
    assessedLevel: number;
    gap: number;
    assessmentId: string;
  };
};

export type CompetencyEvent = CompetencyDefined;
export type PositionStandardEvent = PositionStandardSet;
export type AssessmentRecordEvent =
  | AssessmentScheduled
  | AssessmentRecorded
  | AssessmentCancelled
  | CompetencyCertified
  | CertificationExpired
  | CompetencyGapIdentified;

const R = 'assessment-record-<nip>';
export const ASSESSMENT_EVENTS: EventContract[] = [
  {
    type: 'CompetencyDefined',
    version: 1,
    service: 'assessment',
    stream: 'competency-<code>',
    description:
      'A teknis competency enters the agency’s dictionary (through the API, or on demand when a programme first names its area).',
  },
  {
    type: 'PositionStandardSet',
    version: 1,
    service: 'assessment',
    stream: 'position-standard-<positionKey>',
    description: 'The required level (1..5) per competency for one position; replaces the previous set.',
  },
  {
    type: 'AssessmentScheduled',
    version: 1,
    service: 'assessment',
    stream: R,
    description:
      'An assessment is due: pre on EnrolmentConfirmed, post and on-the-job (3–6 months later) on TrainingCompleted, or by hand.',
  },
  {
    type: 'AssessmentRecorded',
    version: 1,
    service: 'assessment',
    stream: R,
    description:
      'A result: assessor, method, score in the method’s range, resulting level, lateness, and the learning gain of a post-assessment.',
  },
  {
    type: 'AssessmentCancelled',
    version: 1,
    service: 'assessment',
    stream: R,
    description:
      'An open assessment is dropped because its enrolment was withdrawn, not completed, or the programme was cancelled.',
  },
  {
    type: 'CompetencyCertified',
    version: 1,
    service: 'assessment',
    stream: R,
    description:
      'A post-assessment reached the required level; the certification is valid until expiresOn and supersedes an earlier one.',
  },
  {
    type: 'CertificationExpired',
    version: 1,
    service: 'assessment',
    stream: R,
    description: 'The scheduled expiry check found a certification past its expiry date.',
  },
  {
    type: 'CompetencyGapIdentified',
    version: 1,
    service: 'assessment',
    stream: R,
    description:
      'An assessment found the staff member below the level their position requires (input for training plans, PP 11/2017 art. 206).',
  },
];
