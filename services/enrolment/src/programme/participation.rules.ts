import type { ProgrammeEvent, StaffEnrolled } from '@kompeten/contracts';
import type { ProgrammeCommand } from './programme.commands';
import { problems } from './programme.problems';
import { Enrolment, nextOnWaitlist, ProgrammeState, seatsTaken } from './programme.state';

type ParticipationCommand = Exclude<
  ProgrammeCommand,
  { type: 'PublishProgramme' | 'ReviseProgramme' | 'CancelProgramme' }
>;
const ACTIVE = ['pending-funds', 'confirmed', 'waitlisted-capacity', 'waitlisted-funds'];

function enrolled(
  s: ProgrammeState,
  enrolmentId: string,
  nip: string,
  workUnit: Enrolment['workUnit'],
  year: number,
): StaffEnrolled {
  const d = s.details;
  return {
    type: 'StaffEnrolled',
    data: {
      enrolmentId,
      programmeId: s.programmeId,
      nip,
      workUnit,
      fundingOpd: d.fundingOpd,
      costPerParticipant: d.costPerParticipant,
      jp: d.jp,
      competencyType: d.competencyType,
      competencyArea: d.competencyArea,
      year,
    },
  };
}

/** A freed seat goes to the longest-waiting staff member on the capacity waitlist. */
function promoteNext(s: ProgrammeState, year: number, freedBy: string): ProgrammeEvent[] {
  const next = nextOnWaitlist(s, freedBy);
  return next ? [enrolled(s, next.enrolmentId, next.nip, next.workUnit, year)] : [];
}

function enrolmentOf(s: ProgrammeState, nip: string): Enrolment {
  const e = s.enrolments[nip];
  if (!e) throw problems.notEnrolled(nip);
  return e;
}

/** Enrolment, the budget's answer, withdrawal, attendance, self-paced progress and completion. */
export function decideParticipation(c: ParticipationCommand, s: ProgrammeState): ProgrammeEvent[] {
  const ids = (e: Enrolment) => ({ enrolmentId: e.enrolmentId, programmeId: s.programmeId, nip: e.nip });
  switch (c.type) {
    case 'EnrolStaff': {
      if (s.status === 'cancelled') throw problems.cancelled(s);
      const current = s.enrolments[c.nip];
      if (current && (ACTIVE.includes(current.status) || current.status === 'completed'))
        throw problems.alreadyEnrolled(current);
      if (!c.staffActive) throw problems.staffLeft(c.nip);
      if (seatsTaken(s) < s.details.capacity) return [enrolled(s, c.enrolmentId, c.nip, c.workUnit, c.year)];
      return [
        {
          type: 'EnrolmentWaitlisted',
          data: {
            enrolmentId: c.enrolmentId,
            programmeId: s.programmeId,
            nip: c.nip,
            workUnit: c.workUnit,
            reason: 'capacity',
            detail: `all ${s.details.capacity} seats are taken`,
          },
        },
      ];
    }
    case 'ConfirmEnrolment': {
      const e = s.enrolments[c.nip];
      // Answers about an older enrolment, or arriving after a withdrawal or cancellation, change nothing:
      // the budget releases those funds when it sees the withdrawal or cancellation.
      if (!e || e.enrolmentId !== c.enrolmentId || e.status !== 'pending-funds' || s.status === 'cancelled') return [];
      return [{ type: 'EnrolmentConfirmed', data: { ...ids(e), commitmentId: c.commitmentId } }];
    }
    case 'WaitlistForFunds': {
      const e = s.enrolments[c.nip];
      if (!e || e.enrolmentId !== c.enrolmentId || e.status !== 'pending-funds' || s.status === 'cancelled') return [];
      return [
        { type: 'EnrolmentWaitlisted', data: { ...ids(e), workUnit: e.workUnit, reason: 'funds', detail: c.detail } },
      ];
    }
    case 'WithdrawEnrolment': {
      const e = enrolmentOf(s, c.nip);
      if (!ACTIVE.includes(e.status)) throw problems.wrongState(e, 'withdraw');
      const heldSeat = e.status === 'pending-funds' || e.status === 'confirmed';
      return [
        {
          type: 'EnrolmentWithdrawn',
          data: { ...ids(e), reason: c.reason, note: c.note, wasConfirmed: e.status === 'confirmed' },
        },
        ...(heldSeat && s.status !== 'cancelled' ? promoteNext(s, c.year, e.nip) : []),
      ];
    }
    case 'RecordAttendance': {
      const e = enrolmentOf(s, c.nip);
      if (e.status !== 'confirmed') throw problems.wrongState(e, 'record attendance');
      if (!s.details.sessions.some((x) => x.sessionId === c.sessionId))
        throw problems.invalid('sessionId', `no session ${c.sessionId} in this programme`);
      const mark = c.attended ? 'attended' : 'missed';
      if (e.attendance[c.sessionId] === mark) return [];
      return [{ type: c.attended ? 'SessionAttended' : 'SessionMissed', data: { ...ids(e), sessionId: c.sessionId } }];
    }
    case 'RecordLearningProgress':
      return decideProgress(c, s, enrolmentOf(s, c.nip));
    case 'CompleteTraining': {
      const e = enrolmentOf(s, c.nip);
      if (e.status !== 'confirmed') throw problems.wrongState(e, 'complete');
      return [completed(s, e, c.completedOn)];
    }
    case 'RecordNonCompletion': {
      const e = enrolmentOf(s, c.nip);
      if (e.status !== 'confirmed') throw problems.wrongState(e, 'record non-completion');
      return [{ type: 'TrainingNotCompleted', data: { ...ids(e), reason: c.reason } }];
    }
    default: {
      const never: never = c;
      throw new Error(`unhandled command ${JSON.stringify(never)}`);
    }
  }
}

function completed(s: ProgrammeState, e: Enrolment, completedOn: string): ProgrammeEvent {
  const d = s.details;
  return {
    type: 'TrainingCompleted',
    data: {
      enrolmentId: e.enrolmentId,
      programmeId: s.programmeId,
      nip: e.nip,
      jp: d.jp,
      year: Number(completedOn.slice(0, 4)),
      completedOn,
      competencyType: d.competencyType,
      competencyArea: d.competencyArea,
      workUnit: e.workUnit,
      fundingOpd: d.fundingOpd,
      costPerParticipant: d.costPerParticipant,
    },
  };
}

/** One statement, applied once; when the completion rule is met, the training completes on its own. */
function decideProgress(
  c: Extract<ParticipationCommand, { type: 'RecordLearningProgress' }>,
  s: ProgrammeState,
  e: Enrolment,
): ProgrammeEvent[] {
  if (e.statements.includes(c.statementId)) return [];
  if (e.status !== 'confirmed') throw problems.wrongState(e, 'record learning progress');
  const rule = s.details.completionRule;
  if (!rule) throw problems.invalid('moduleId', 'this programme is not self-paced');
  if (!rule.modules.includes(c.moduleId))
    throw problems.invalid('moduleId', `no module ${c.moduleId} in this programme`);
  const { statementId, verb, moduleId, score, seconds, deviceTimestamp } = c;
  const progress: ProgrammeEvent = {
    type: 'LearningProgressRecorded',
    data: {
      enrolmentId: e.enrolmentId,
      programmeId: s.programmeId,
      nip: e.nip,
      statementId,
      verb,
      moduleId,
      score,
      seconds,
      deviceTimestamp,
    },
  };
  const done = new Set(verb === 'completed' ? [...e.modulesCompleted, moduleId] : e.modulesCompleted);
  const scores =
    score === null ? e.bestScores : { ...e.bestScores, [moduleId]: Math.max(e.bestScores[moduleId] ?? score, score) };
  // The minimum score applies to every module that was scored; a reading module without a quiz passes when completed.
  const met = rule.modules.every(
    (m) => done.has(m) && (rule.minScore === null || !(m in scores) || scores[m] >= rule.minScore),
  );
  return met ? [progress, completed(s, e, c.deviceTimestamp.slice(0, 10))] : [progress];
}
