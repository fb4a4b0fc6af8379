import type { AssessmentRecordEvent } from '@kompeten/contracts';
import type { Decider } from '@kompeten/domain';
import type { AssessmentRecordCommand, CommandOf } from './assessment-record.commands';
import { AssessmentRecordState, evolveRecord, initialRecordState } from './assessment-record.state';
import { recordResult } from './result.rules';
import { scheduleAfterTraining, scheduleByHand, schedulePre } from './scheduling.rules';

/** Enrolment withdrawn, training not completed, programme cancelled: what was still due is dropped (never what was recorded). */
function cancelOpen(c: CommandOf<'CancelOpenAssessments'>, s: AssessmentRecordState): AssessmentRecordEvent[] {
  return Object.values(s.assessments)
    .filter(
      (a) =>
        a.status === 'scheduled' && (c.enrolmentId ? a.enrolmentId === c.enrolmentId : a.programmeId === c.programmeId),
    )
    .map((a) => ({
      type: 'AssessmentCancelled',
      data: { assessmentId: a.assessmentId, nip: c.nip, enrolmentId: a.enrolmentId, reason: c.reason },
    }));
}

/** Only the current certification expires, and only once its expiry date has come. */
function expire(c: CommandOf<'ExpireCertification'>, s: AssessmentRecordState): AssessmentRecordEvent[] {
  const cert = Object.values(s.certifications).find((x) => x.certificationId === c.certificationId);
  if (!cert || cert.status !== 'valid' || cert.expiresOn > c.asOf) return [];
  return [
    {
      type: 'CertificationExpired',
      data: {
        certificationId: cert.certificationId,
        nip: c.nip,
        competencyCode: cert.competencyCode,
        level: cert.level,
        expiresOn: cert.expiresOn,
        detectedOn: c.asOf,
      },
    },
  ];
}

/** One staff member's assessment record: scheduled and recorded assessments, certifications, gaps. */
export const assessmentRecordDecider: Decider<AssessmentRecordCommand, AssessmentRecordState, AssessmentRecordEvent> = {
  initialState: initialRecordState,
  evolve: evolveRecord,

  decide(command, state) {
    switch (command.type) {
      case 'SchedulePreAssessment':
        return schedulePre(command, state);
      case 'ScheduleAfterTraining':
        return scheduleAfterTraining(command, state);
      case 'ScheduleAssessment':
        return scheduleByHand(command, state);
      case 'RecordAssessmentResult':
        return recordResult(command, state);
      case 'CancelOpenAssessments':
        return cancelOpen(command, state);
      case 'ExpireCertification':
        return expire(command, state);
      default: {
        const never: never = command;
        throw new Error(`unhandled command ${JSON.stringify(never)}`);
      }
    }
  },
};

export const assessmentRecordStreamId = (nip: string) => `assessment-record-${nip}`;
