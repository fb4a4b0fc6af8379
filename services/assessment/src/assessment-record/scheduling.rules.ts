import type { AssessmentRecordEvent, AssessmentScheduled } from '@kompeten/contracts';
import { addDays } from '@kompeten/domain';
import { addMonths } from '../shared/calendar';
import type { CommandOf } from './assessment-record.commands';
import { problems } from './assessment-record.problems';
import type { Assessment, AssessmentRecordState } from './assessment-record.state';

type Scheduled = AssessmentScheduled['data'];

/** Assessments scheduled by enrolment events have ids derived from the enrolment: a redelivered event finds them. */
export const enrolmentAssessmentId = (enrolmentId: string, kind: 'pre' | 'post' | 'on-the-job') =>
  `${enrolmentId}-${kind}`;

const scheduled = (data: Scheduled): AssessmentScheduled => ({ type: 'AssessmentScheduled', data });
const unlessKnown = (s: AssessmentRecordState, events: AssessmentScheduled[]) =>
  events.filter((e) => !s.assessments[e.data.assessmentId]);

/** EnrolmentConfirmed → the pre-assessment, due a few days after confirmation. */
export function schedulePre(c: CommandOf<'SchedulePreAssessment'>, s: AssessmentRecordState): AssessmentRecordEvent[] {
  return unlessKnown(s, [
    scheduled({
      assessmentId: enrolmentAssessmentId(c.enrolmentId, 'pre'),
      nip: c.nip,
      kind: 'pre',
      competencyCode: c.competencyCode,
      enrolmentId: c.enrolmentId,
      programmeId: c.programmeId,
      trainingCompletedOn: null,
      dueOn: addDays(c.confirmedOn, c.preDueDays),
      trigger: 'enrolment-confirmed',
    }),
  ]);
}

/** TrainingCompleted → the post-assessment (learning) and, months later, the on-the-job one (behaviour), both dated from completion. */
export function scheduleAfterTraining(
  c: CommandOf<'ScheduleAfterTraining'>,
  s: AssessmentRecordState,
): AssessmentRecordEvent[] {
  const base = {
    nip: c.nip,
    competencyCode: c.competencyCode,
    enrolmentId: c.enrolmentId,
    programmeId: c.programmeId,
    trainingCompletedOn: c.completedOn,
    trigger: 'training-completed',
  } as const;
  return unlessKnown(s, [
    scheduled({
      ...base,
      assessmentId: enrolmentAssessmentId(c.enrolmentId, 'post'),
      kind: 'post',
      dueOn: addDays(c.completedOn, c.postDueDays),
    }),
    scheduled({
      ...base,
      assessmentId: enrolmentAssessmentId(c.enrolmentId, 'on-the-job'),
      kind: 'on-the-job',
      dueOn: addMonths(c.completedOn, c.followUpMonths),
    }),
  ]);
}

const openLike = (s: AssessmentRecordState, match: (a: Assessment) => boolean) =>
  Object.values(s.assessments).find((a) => a.status === 'scheduled' && match(a));

/**
 * By hand: a periodic assessment of any competency in the dictionary, or a pre/post/on-the-job one for
 * an enrolment this record knows (post and on-the-job only once the training is completed).
 */
export function scheduleByHand(c: CommandOf<'ScheduleAssessment'>, s: AssessmentRecordState): AssessmentRecordEvent[] {
  const base = { assessmentId: c.assessmentId, nip: c.nip, kind: c.kind, dueOn: c.dueOn, trigger: 'manual' } as const;
  if (c.kind === 'periodic') {
    if (c.enrolmentId) throw problems.invalid('enrolmentId', 'a periodic assessment is not tied to an enrolment');
    if (!c.competencyCode) throw problems.invalid('competencyCode', 'a periodic assessment names its competency');
    if (!c.competencyKnown) throw problems.unknownCompetency(c.competencyCode);
    const open = openLike(s, (a) => a.kind === 'periodic' && a.competencyCode === c.competencyCode);
    if (open) throw problems.stillOpen(open);
    return [
      scheduled({
        ...base,
        competencyCode: c.competencyCode,
        enrolmentId: null,
        programmeId: null,
        trainingCompletedOn: null,
      }),
    ];
  }
  if (!c.enrolmentId) throw problems.invalid('enrolmentId', `a ${c.kind} assessment names the enrolment it belongs to`);
  const training = s.trainings[c.enrolmentId];
  if (!training)
    throw problems.unknownEnrolment(c.enrolmentId, 'is not a confirmed or completed enrolment of this staff member');
  if (c.kind !== 'pre' && !training.completedOn)
    throw problems.unknownEnrolment(c.enrolmentId, 'has no completed training yet');
  if (c.competencyCode && c.competencyCode !== training.competencyCode) {
    throw problems.invalid('competencyCode', `the enrolment's programme assesses ${training.competencyCode}`);
  }
  const open = openLike(s, (a) => a.kind === c.kind && a.enrolmentId === c.enrolmentId);
  if (open) throw problems.stillOpen(open);
  return [
    scheduled({
      ...base,
      competencyCode: training.competencyCode,
      enrolmentId: training.enrolmentId,
      programmeId: training.programmeId,
      trainingCompletedOn: c.kind === 'pre' ? null : training.completedOn,
    }),
  ];
}
