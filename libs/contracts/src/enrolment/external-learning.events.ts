import type { EventContract } from '../event-contract';
import type { CompetencyType, WorkUnit } from './shared.types';

// Stream `external-learning-<learningId>`: one piece of learning a staff member did outside Kompeten's
// catalogue, from its recording to the officer's verification (JP credited) or rejection.

/**
 * The forms of development of Peraturan LAN 10/2018 that a staff member may record, coded. Klasikal:
 * `course` (kursus/pelatihan by LAN, a BPSDM or another provider), `seminar` (seminar/konferensi/
 * sarasehan), `workshop` (lokakarya), `bimtek` (bimbingan teknis). Nonklasikal: `e-learning`
 * (elsewhere, e.g. a MOOC), `coaching`, `mentoring`, `self-study` (belajar mandiri), `benchmarking`
 * (studi banding / patok banding), `magang` (internship / practical work), `secondment` (detasering),
 * `learning-community` (komunitas belajar), `distance-training` (pelatihan jarak jauh).
 */
export const EXTERNAL_LEARNING_FORMS = [
  'course',
  'seminar',
  'workshop',
  'bimtek',
  'e-learning',
  'coaching',
  'mentoring',
  'self-study',
  'benchmarking',
  'magang',
  'secondment',
  'learning-community',
  'distance-training',
] as const;
export type ExternalLearningForm = (typeof EXTERNAL_LEARNING_FORMS)[number];

/** The LAN 10/2018 group each form belongs to. */
export const KLASIKAL_FORMS: readonly ExternalLearningForm[] = ['course', 'seminar', 'workshop', 'bimtek'];
export const learningGroupOf = (form: ExternalLearningForm): 'klasikal' | 'nonklasikal' =>
  KLASIKAL_FORMS.includes(form) ? 'klasikal' : 'nonklasikal';

/** Why an officer rejects a record, coded so that reports can count them; a note may explain (sealed). */
export const EXTERNAL_LEARNING_REJECTION_REASONS = [
  'evidence-unreadable',
  'not-development',
  'duplicate',
  'dates-implausible',
  'provider-unknown',
  'other',
] as const;
export type ExternalLearningRejectionReason = (typeof EXTERNAL_LEARNING_REJECTION_REASONS)[number];

/** What proves the learning: a document kept elsewhere (its reference and SHA-256), or an https URL. */
export type LearningEvidence = { kind: 'document'; reference: string; sha256: string } | { kind: 'url'; url: string };

export type ExternalLearningRecorded = {
  type: 'ExternalLearningRecorded';
  data: {
    learningId: string;
    nip: string;
    /** The staff member's unit when it was recorded (what unit reports group it by). */
    workUnit: WorkUnit;
    form: ExternalLearningForm;
    title: string;
    provider: string;
    /** City dates, start ≤ end ≤ the city's today when recorded. */
    startDate: string;
    endDate: string;
    /** Learning time in minutes (hours are converted by the API): JP = ⌊minutes / 45⌋ on verification. */
    minutes: number;
    evidence: LearningEvidence;
    providerCertificateNumber: string | null;
    competencyType: CompetencyType | null;
    competencyArea: string | null;
    recordedOn: string;
  };
};
/** JP credited to the ledger of the year of `completedOn` (= endDate); `capApplied`: a per-form yearly cap cut it. */
export type ExternalLearningVerified = {
  type: 'ExternalLearningVerified';
  data: {
    learningId: string;
    nip: string;
    workUnit: WorkUnit;
    form: ExternalLearningForm;
    /** ⌊minutes / 45⌋, or what was left under the form's cap for the year. */
    jpCredited: number;
    /** JP before the cap: ⌊minutes / 45⌋. */
    jpEarned: number;
    year: number;
    completedOn: string;
    verifiedOn: string;
    capApplied: boolean;
    competencyType: CompetencyType | null;
    competencyArea: string | null;
  };
};
/** `note` is personal data (subject `staff:<nip>`), sealed in the log. */
export type ExternalLearningRejected = {
  type: 'ExternalLearningRejected';
  data: {
    learningId: string;
    nip: string;
    reason: ExternalLearningRejectionReason;
    note: string | null;
    rejectedOn: string;
  };
};

export type ExternalLearningEvent = ExternalLearningRecorded | ExternalLearningVerified | ExternalLearningRejected;

const EL = 'external-learning-<learningId>';
export const EXTERNAL_LEARNING_EVENTS: EventContract[] = [
  {
    type: 'ExternalLearningRecorded',
    version: 1,
    service: 'enrolment',
    stream: EL,
    description:
      'A staff member (or an officer for them) recorded learning outside Kompeten’s catalogue in a form of Peraturan LAN 10/2018 (course, seminar, workshop, bimtek, e-learning elsewhere, coaching, mentoring, self-study, benchmarking, magang, secondment, learning community, distance training): provider, city dates, minutes, evidence (a document reference with its SHA-256, or an https URL), the provider’s certificate number and competency when known. No JP yet: an officer verifies it.',
  },
  {
    type: 'ExternalLearningVerified',
    version: 1,
    service: 'enrolment',
    stream: EL,
    description:
      'A training officer verified the record: JP credited = ⌊minutes / 45⌋, limited by the form’s yearly cap (a local policy table, docs/external-learning.md; capApplied when it cut the credit), to the ledger of the year of completedOn (the end date). Counts in the JP ledger, the 20-JP list, unit summaries, the needs analysis and the correlation’s training measures.',
  },
  {
    type: 'ExternalLearningRejected',
    version: 1,
    service: 'enrolment',
    stream: EL,
    description:
      'A training officer rejected the record with a coded reason (evidence-unreadable, not-development, duplicate, dates-implausible, provider-unknown, other); no JP. The note is personal data (subject staff:<nip>), sealed.',
    personalFields: ['note'],
  },
];
