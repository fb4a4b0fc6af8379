import type { ProgrammeEvent } from '@kompeten/contracts';
import type { ProgrammeCommand } from './programme.commands';
import { problems } from './programme.problems';
import type { Enrolment, ProgrammeState } from './programme.state';
import { decideCompletion, decideNonCompletion } from './completion.rules';
import {
  decideEnrol,
  decideFundsCommitted,
  decideFundsRejected,
  decideRequestFundsAgain,
  decideWithdrawal,
} from './seats.rules';
import { decideProgress } from './self-paced.rules';
import { decideApproval, decideDecline } from './release.rules';

type ParticipationCommand = Exclude<
  ProgrammeCommand,
  { type: 'PublishProgramme' | 'ReviseProgramme' | 'CancelProgramme' }
>;

function enrolmentOf(s: ProgrammeState, nip: string): Enrolment {
  const e = s.enrolments[nip];
  if (!e) throw problems.notEnrolled(nip);
  return e;
}

/**
 * Everyone taking part: seats and the budget's answers (seats.rules.ts), attendance, self-paced
 * progress (self-paced.rules.ts), completion and non-completion (completion.rules.ts), the unit
 * head's release or decline (release.rules.ts).
 */
export function decideParticipation(c: ParticipationCommand, s: ProgrammeState): ProgrammeEvent[] {
  switch (c.type) {
    case 'EnrolStaff':
      return decideEnrol(c, s);
    case 'ConfirmEnrolment':
      return decideFundsCommitted(c, s);
    case 'WaitlistForFunds':
      return decideFundsRejected(c, s);
    case 'RequestFundsAgain':
      return decideRequestFundsAgain(c, s, enrolmentOf(s, c.nip));
    case 'WithdrawEnrolment':
      return decideWithdrawal(c, s, enrolmentOf(s, c.nip));
    case 'RecordAttendance': {
      const e = enrolmentOf(s, c.nip);
      if (e.status !== 'confirmed') throw problems.wrongState(e, 'record attendance');
      if (!s.details.sessions.some((x) => x.sessionId === c.sessionId))
        throw problems.invalid('sessionId', `no session ${c.sessionId} in this programme`);
      const mark = c.attended ? 'attended' : 'missed';
      if (e.attendance[c.sessionId] === mark) return [];
      const ids = { enrolmentId: e.enrolmentId, programmeId: s.programmeId, nip: e.nip };
      return [{ type: c.attended ? 'SessionAttended' : 'SessionMissed', data: { ...ids, sessionId: c.sessionId } }];
    }
    case 'RecordLearningProgress':
      return decideProgress(c, s, enrolmentOf(s, c.nip));
    case 'CompleteTraining':
      return decideCompletion(c, s, enrolmentOf(s, c.nip));
    case 'RecordNonCompletion':
      return decideNonCompletion(c, s, enrolmentOf(s, c.nip));
    case 'ApproveEnrolment':
      return decideApproval(c, s);
    case 'DeclineEnrolment':
      return decideDecline(c, s, enrolmentOf(s, c.nip));
    default: {
      const never: never = c;
      throw new Error(`unhandled command ${JSON.stringify(never)}`);
    }
  }
}
