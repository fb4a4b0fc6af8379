import type { ExternalLearningEvent } from '@kompeten/contracts';
import { daysBetween, type Decider } from '@kompeten/domain';
import { jpCredit } from './external-learning.caps';
import type { ExternalLearningCommand } from './external-learning.commands';
import { externalLearningProblems as problems } from './external-learning.problems';
import {
  evolveExternalLearning,
  initialExternalLearningState,
  type ExternalLearningState,
} from './external-learning.state';

type RecordCommand = Extract<ExternalLearningCommand, { type: 'RecordExternalLearning' }>;

/** Business dates in order, none in the future, and no more learning time than the days hold. */
function checkRecord(c: RecordCommand) {
  if (c.startDate > c.endDate)
    throw problems.invalid('endDate', `${c.endDate} is before the start date ${c.startDate}`);
  if (c.endDate > c.today)
    throw problems.invalid('endDate', `${c.endDate} is after the city's today (${c.today}): record learning once done`);
  const days = daysBetween(c.startDate, c.endDate) + 1;
  if (c.minutes > days * 24 * 60)
    throw problems.invalid('minutes', `${c.minutes} minutes do not fit in ${days} day(s) from ${c.startDate}`);
}

/**
 * One piece of learning outside the catalogue: recorded by the staff member (or an officer), then
 * verified (JP credited, within the form's yearly cap) or rejected with a coded reason. A decision is
 * final: verifying it again or rejecting it again appends nothing; the opposite decision is a 409.
 */
export const externalLearningDecider: Decider<ExternalLearningCommand, ExternalLearningState, ExternalLearningEvent> = {
  initialState: initialExternalLearningState,
  evolve: evolveExternalLearning,

  decide(c, s) {
    switch (c.type) {
      case 'RecordExternalLearning': {
        // The id is new for every request: a stream that exists is a resend of the same request.
        if (s.status !== 'none') return [];
        if (!c.staffActive) throw problems.staffLeft(c.nip);
        checkRecord(c);
        return [
          {
            type: 'ExternalLearningRecorded',
            data: {
              learningId: c.learningId,
              nip: c.nip,
              workUnit: c.workUnit,
              form: c.form,
              title: c.title,
              provider: c.provider,
              startDate: c.startDate,
              endDate: c.endDate,
              minutes: c.minutes,
              evidence: c.evidence,
              providerCertificateNumber: c.providerCertificateNumber,
              competencyType: c.competencyType,
              competencyArea: c.competencyArea,
              recordedOn: c.today,
            },
          },
        ];
      }
      case 'VerifyExternalLearning': {
        if (!s.record) throw problems.notFound(c.learningId);
        if (s.status === 'verified') return [];
        if (s.status === 'rejected') throw problems.alreadyDecided(c.learningId, 'rejected');
        const r = s.record;
        const credit = jpCredit(r.form, r.minutes, c.alreadyCredited);
        return [
          {
            type: 'ExternalLearningVerified',
            data: {
              learningId: r.learningId,
              nip: r.nip,
              workUnit: r.workUnit,
              form: r.form,
              jpCredited: credit.jpCredited,
              jpEarned: credit.jpEarned,
              year: Number(r.endDate.slice(0, 4)),
              completedOn: r.endDate,
              verifiedOn: c.today,
              capApplied: credit.capApplied,
              competencyType: r.competencyType,
              competencyArea: r.competencyArea,
            },
          },
        ];
      }
      case 'RejectExternalLearning': {
        if (!s.record) throw problems.notFound(c.learningId);
        if (s.status === 'rejected') return [];
        if (s.status === 'verified') throw problems.alreadyDecided(c.learningId, 'verified');
        const { learningId, reason, note, today } = c;
        return [
          {
            type: 'ExternalLearningRejected',
            data: { learningId, nip: s.record.nip, reason, note, rejectedOn: today },
          },
        ];
      }
      default: {
        const never: never = c;
        throw new Error(`unhandled command ${JSON.stringify(never)}`);
      }
    }
  },
};
