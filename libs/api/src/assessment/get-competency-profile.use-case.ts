import {
  ASSESSMENT_KINDS,
  ASSESSMENT_METHODS,
  type AssessmentCancelled,
  type AssessmentTrigger,
} from '@kompeten/contracts';
import { WorkUnitSchema } from '../shared/work-unit.schema';
import { DateOnly, defineUseCase, Nullable, PARAM, StringEnum, Type } from '../use-case';

export const ASSESSMENT_TRIGGERS = [
  'enrolment-confirmed',
  'training-completed',
  'manual',
] as const satisfies readonly AssessmentTrigger[];
export const ASSESSMENT_STATUSES = ['scheduled', 'recorded', 'cancelled'] as const;
export const ASSESSMENT_CANCEL_REASONS = [
  'enrolment-withdrawn',
  'training-not-completed',
  'programme-cancelled',
] as const satisfies readonly AssessmentCancelled['data']['reason'][];
export const CERTIFICATION_STATUSES = ['valid', 'superseded', 'expired'] as const;
/** How a staff member stands on a competency: required or not, and whether the latest level meets it. */
export const COMPETENCY_STANDINGS = ['not-required', 'not-assessed', 'gap', 'meets'] as const;

/** One assessment of the staff member: when it was due, and its result or why it was dropped. */
export const AssessmentSchema = Type.Object({
  assessmentId: Type.String(),
  kind: StringEnum(ASSESSMENT_KINDS),
  competencyCode: Type.String({ example: 'manajemen-pasien' }),
  enrolmentId: Nullable(Type.String()),
  programmeId: Nullable(Type.String()),
  trigger: StringEnum(ASSESSMENT_TRIGGERS),
  dueOn: DateOnly(),
  status: StringEnum(ASSESSMENT_STATUSES),
  assessor: Nullable(Type.String({ description: 'An assessor id, never a name' })),
  method: Nullable(StringEnum(ASSESSMENT_METHODS)),
  score: Nullable(Type.Number()),
  level: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
  assessedOn: Nullable(DateOnly()),
  late: Nullable(Type.Boolean()),
  learningGain: Nullable(Type.Integer({ description: 'Post-assessments: post level − pre level' })),
  cancelReason: Nullable(StringEnum(ASSESSMENT_CANCEL_REASONS)),
});

/** A certification: valid until it expires, or superseded by a newer one of the same competency. */
export const CertificationSchema = Type.Object({
  certificationId: Type.String(),
  competencyCode: Type.String({ example: 'manajemen-pasien' }),
  level: Type.Integer({ minimum: 1, maximum: 5 }),
  requiredLevel: Type.Integer(),
  certifiedOn: DateOnly(),
  expiresOn: DateOnly({ description: 'The first day it is no longer valid' }),
  status: StringEnum(CERTIFICATION_STATUSES),
});

/** The staff member on one competency their position requires or they were assessed on. */
export const ProfileCompetencySchema = Type.Object({
  code: Type.String({ example: 'manajemen-pasien' }),
  name: Type.String({ example: 'Manajemen pasien' }),
  requiredLevel: Nullable(Type.Integer({ description: 'Null when the position does not require it' })),
  currentLevel: Nullable(Type.Integer({ description: 'The latest recorded level; null when never assessed' })),
  lastAssessedOn: Nullable(DateOnly()),
  gap: Nullable(Type.Integer({ description: 'required − current, 0 once met; null when unknown' })),
  status: StringEnum(COMPETENCY_STANDINGS),
  certification: Nullable(CertificationSchema),
});

/** The assessment of one kind an enrolment's learning gain is read from. */
export const AssessmentSnapshotSchema = Type.Object({
  assessmentId: Type.String(),
  status: StringEnum(ASSESSMENT_STATUSES),
  dueOn: DateOnly(),
  assessedOn: Nullable(DateOnly()),
  method: Nullable(StringEnum(ASSESSMENT_METHODS)),
  score: Nullable(Type.Number()),
  level: Nullable(Type.Integer()),
  late: Nullable(Type.Boolean()),
});

/** Per enrolment: pre, post and on-the-job results and the learning gain. */
export const ProgrammeGainSchema = Type.Object({
  enrolmentId: Type.String(),
  programmeId: Nullable(Type.String()),
  competencyCode: Type.String(),
  pre: Nullable(AssessmentSnapshotSchema),
  post: Nullable(AssessmentSnapshotSchema),
  onTheJob: Nullable(AssessmentSnapshotSchema),
  learningGain: Nullable(Type.Integer({ description: 'post − pre level, when both were recorded' })),
  scoreGain: Nullable(Type.Number({ description: 'post − pre score, when both used the same method' })),
});

export const CompetencyProfileSchema = Type.Object({
  nip: Type.String({ example: '198609262015051001' }),
  workUnit: WorkUnitSchema,
  position: Type.String({ example: 'Perawat Ahli Pertama' }),
  status: StringEnum(['active', 'left']),
  competencies: Type.Array(ProfileCompetencySchema),
  programmes: Type.Array(ProgrammeGainSchema),
  certifications: Type.Array(CertificationSchema),
  history: Type.Array(AssessmentSchema, { description: 'Every assessment, oldest first' }),
});

export const getCompetencyProfile = defineUseCase({
  name: 'getCompetencyProfile',
  service: 'assessment',
  method: 'GET',
  path: '/staff/:nip/competency-profile',
  tag: 'competencies and assessments',
  summary: 'Competency profile over time: levels, learning gain per programme, certifications, gaps',
  params: { nip: PARAM.nip },
  response: CompetencyProfileSchema,
  access: {
    roles: ['training-officer', 'unit-head', 'staff'],
    selfParam: 'nip',
    owner: { opd: 'workUnit.opd', nip: 'nip' },
  },
  problems: [400, 404],
});
