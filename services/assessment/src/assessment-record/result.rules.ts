import type { AssessmentRecordEvent, AssessmentRecorded } from '@kompeten/contracts';
import { addMonths } from '../shared/calendar';
import { scoreOutOfRange } from './assessment-methods';
import type { CommandOf } from './assessment-record.commands';
import { problems } from './assessment-record.problems';
import { levelFor } from './score-levels';
import type { Assessment, AssessmentRecordState } from './assessment-record.state';

type RecordCommand = CommandOf<'RecordAssessmentResult'>;

const sameResult = (a: Assessment, c: RecordCommand) =>
  a.result?.assessor === c.assessor &&
  a.result.method === c.method &&
  a.result.score === c.score &&
  a.result.assessedOn === c.assessedOn;

/** The latest recorded pre-assessment of the same enrolment: the baseline of the learning gain. */
function preLevel(s: AssessmentRecordState, enrolmentId: string | null): number | null {
  const pres = Object.values(s.assessments).filter(
    (a) => a.kind === 'pre' && a.enrolmentId === enrolmentId && a.status === 'recorded' && enrolmentId,
  );
  pres.sort((a, b) => a.result!.assessedOn.localeCompare(b.result!.assessedOn));
  return pres.length ? pres[pres.length - 1].result!.level : null;
}

function checkInput(c: RecordCommand, a: Assessment, s: AssessmentRecordState) {
  const outOfRange = scoreOutOfRange(c.method, c.score);
  if (outOfRange) throw problems.invalid('score', outOfRange);
  if (c.assessedOn > c.today) throw problems.invalid('assessedOn', `cannot be after today (${c.today})`);
  const completedOn = a.enrolmentId ? s.trainings[a.enrolmentId]?.completedOn : null;
  if ((a.kind === 'post' || a.kind === 'on-the-job') && completedOn && c.assessedOn < completedOn) {
    throw problems.invalid('assessedOn', `a ${a.kind} assessment follows the training, completed on ${completedOn}`);
  }
}

/**
 * A result: the level follows from the score by the method's mapping (score-levels.ts); a post-assessment at or above the required level
 * certifies the competency (valid for the configured months); any assessment below the level the
 * staff member's position requires identifies a gap.
 */
export function recordResult(c: RecordCommand, s: AssessmentRecordState): AssessmentRecordEvent[] {
  const a = s.assessments[c.assessmentId];
  if (!a) throw problems.notFound(c.assessmentId);
  checkInput(c, a, s);
  if (a.status === 'recorded' && sameResult(a, c)) return []; // a resend
  if (a.status !== 'scheduled') throw problems.closed(a);
  const level = levelFor(c.method, c.score, c.scoreLevels);
  const pre = a.kind === 'post' ? preLevel(s, a.enrolmentId) : null;
  const ids = { nip: c.nip, competencyCode: a.competencyCode, assessmentId: a.assessmentId };
  const recorded: AssessmentRecorded = {
    type: 'AssessmentRecorded',
    data: {
      ...ids,
      kind: a.kind,
      enrolmentId: a.enrolmentId,
      programmeId: a.programmeId,
      assessor: c.assessor,
      method: c.method,
      score: c.score,
      level,
      assessedOn: c.assessedOn,
      dueOn: a.dueOn,
      late: c.assessedOn > a.dueOn,
      learningGain: pre === null ? null : level - pre,
    },
  };
  const events: AssessmentRecordEvent[] = [recorded];
  // A post-assessment certifies after training; a periodic one renews a certification the staff member
  // holds (valid or expired) — issue #22: "a periodic assessment can renew one".
  const renews = a.kind === 'periodic' && s.certifications[a.competencyCode] !== undefined;
  if ((a.kind === 'post' || renews) && level >= c.required.level) {
    events.push({
      type: 'CompetencyCertified',
      data: {
        ...ids,
        certificationId: `cert-${a.assessmentId}`,
        level,
        requiredLevel: c.required.level,
        enrolmentId: a.enrolmentId,
        programmeId: a.programmeId,
        certifiedOn: c.assessedOn,
        expiresOn: addMonths(c.assessedOn, c.certificationMonths),
      },
    });
  }
  if (c.required.source === 'position' && level < c.required.level) {
    events.push({
      type: 'CompetencyGapIdentified',
      data: {
        ...ids,
        position: c.required.position,
        requiredLevel: c.required.level,
        assessedLevel: level,
        gap: c.required.level - level,
      },
    });
  }
  return events;
}
