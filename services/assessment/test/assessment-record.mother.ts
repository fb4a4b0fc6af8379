// Object mothers for the assessment record's decider tests.
import type { AssessmentRecordEvent, AssessmentScheduled } from '@kompeten/contracts';
import { DomainError, givenEvents } from '@kompeten/domain';
import type { CommandOf } from '../src/assessment-record/assessment-record.commands';
import { assessmentRecordDecider } from '../src/assessment-record/assessment-record.decider';
import { DEFAULT_SCORE_LEVELS } from '../src/assessment-record/score-levels';

export const NIP = '198609262015051001';
export const ENROLMENT = '0193a3c4-0000-7000-8000-00000000e001';
export const given = (...events: AssessmentRecordEvent[]) => givenEvents(assessmentRecordDecider, events);
export const problemOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

const training = {
  nip: NIP,
  competencyCode: 'manajemen-pasien',
  enrolmentId: ENROLMENT,
  programmeId: 'kom-2026',
} as const;
export const preScheduled: AssessmentScheduled = {
  type: 'AssessmentScheduled',
  data: {
    ...training,
    assessmentId: `${ENROLMENT}-pre`,
    kind: 'pre',
    trainingCompletedOn: null,
    dueOn: '2026-01-12',
    trigger: 'enrolment-confirmed',
  },
};
export const postScheduled: AssessmentScheduled = {
  type: 'AssessmentScheduled',
  data: {
    ...training,
    assessmentId: `${ENROLMENT}-post`,
    kind: 'post',
    trainingCompletedOn: '2026-02-03',
    dueOn: '2026-02-17',
    trigger: 'training-completed',
  },
};
export const onTheJobScheduled: AssessmentScheduled = {
  type: 'AssessmentScheduled',
  data: {
    ...training,
    assessmentId: `${ENROLMENT}-on-the-job`,
    kind: 'on-the-job',
    trainingCompletedOn: '2026-02-03',
    dueOn: '2026-05-03',
    trigger: 'training-completed',
  },
};

export const recordCommand = (
  over: Partial<CommandOf<'RecordAssessmentResult'>> = {},
): CommandOf<'RecordAssessmentResult'> => ({
  type: 'RecordAssessmentResult',
  nip: NIP,
  assessmentId: `${ENROLMENT}-post`,
  assessor: 'assessor:198001012005011001',
  method: 'test',
  score: 85,
  assessedOn: '2026-02-10',
  today: '2026-02-10',
  required: { level: 4, source: 'position', position: 'Perawat' },
  certificationMonths: 36,
  scoreLevels: DEFAULT_SCORE_LEVELS,
  ...over,
});
