import type { FundingNeed, ProgrammeDetails, ProgrammeEvent, SuratTugas, WorkUnit } from '@kompeten/contracts';

export type EnrolmentStatus =
  | 'pending-funds'
  /** The budget committed the funds; the unit head has not yet released the staff member. */
  | 'awaiting-release'
  | 'confirmed'
  | 'waitlisted-capacity'
  | 'waitlisted-funds'
  | 'withdrawn'
  /** The unit head declined to release the staff member. */
  | 'declined'
  | 'completed'
  | 'not-completed';

export interface Enrolment {
  enrolmentId: string;
  nip: string;
  workUnit: WorkUnit;
  status: EnrolmentStatus;
  /**
   * Place in the capacity waitlist: the stream version at which this enrolment was made. Kept for as
   * long as the enrolment lives, so whoever returns to the waitlist (funds came, no seat) keeps their place.
   */
  queuedSince: number;
  /**
   * Funds requests made so far (StaffEnrolled.attempt of the latest; 0 while waiting for a first seat):
   * the budget's answer to an older one is stale.
   */
  attempt: number;
  /** The city date the staff member enrolled, when a StaffEnrolled recorded it (v1 events did not). */
  enrolledOn: string | null;
  /**
   * The need read on the day of enrolment (the first StaffEnrolled, or a capacity waitlisting): every
   * later funds request (a promotion, a re-request) carries the same, so the budget scores the
   * enrolment as it stood when made, not as it stands after months on a waitlist. Null before v3.
   */
  need: FundingNeed | null;
  /** The unit head's release (EnrolmentApproved), kept while the enrolment moves between seat and waitlist. */
  release: { suratTugas: SuratTugas; approvedOn: string; nominated: boolean } | null;
  /** The budget's commitment, once made (EnrolmentFunded or EnrolmentConfirmed). */
  commitmentId: string | null;
  attendance: Record<string, 'attended' | 'missed'>;
  /** Statement ids already applied (a resend from a flaky phone is applied once). */
  statements: string[];
  modulesCompleted: string[];
  bestScores: Record<string, number>;
  /** Time on task: the seconds of every applied statement. */
  secondsSpent: number;
}

export interface ProgrammeState {
  status: 'unknown' | 'published' | 'cancelled';
  programmeId: string;
  details: ProgrammeDetails;
  enrolments: Record<string, Enrolment>;
  version: number;
}

export const seatsTaken = (s: ProgrammeState) =>
  Object.values(s.enrolments).filter(
    (e) =>
      e.status === 'pending-funds' ||
      e.status === 'awaiting-release' ||
      e.status === 'confirmed' ||
      e.status === 'completed',
  ).length;

/** Who waits for a seat, longest-waiting first. */
export const capacityWaitlist = (s: ProgrammeState): Enrolment[] =>
  Object.values(s.enrolments)
    .filter((e) => e.status === 'waitlisted-capacity')
    .sort((a, b) => a.queuedSince - b.queuedSince);

export const initialProgrammeState = (): ProgrammeState => ({
  status: 'unknown',
  programmeId: '',
  details: undefined as never,
  enrolments: {},
  version: 0,
});

/** A new enrolment id starts a clean record, placed now; the same id (waitlist ↔ seat) keeps its history and place. */
const base = (s: ProgrammeState, nip: string, enrolmentId: string): Omit<Enrolment, 'nip' | 'workUnit' | 'status'> =>
  s.enrolments[nip]?.enrolmentId === enrolmentId
    ? s.enrolments[nip]
    : {
        enrolmentId,
        queuedSince: s.version,
        attempt: 0,
        enrolledOn: null,
        need: null,
        release: null,
        commitmentId: null,
        attendance: {},
        statements: [],
        modulesCompleted: [],
        bestScores: {},
        secondsSpent: 0,
      };

const patch = (s: ProgrammeState, nip: string, change: Partial<Enrolment>): ProgrammeState => ({
  ...s,
  enrolments: { ...s.enrolments, [nip]: { ...s.enrolments[nip], ...change } },
});

export function evolveProgramme(state: ProgrammeState, event: ProgrammeEvent): ProgrammeState {
  const s = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'ProgrammePublished': {
      const { programmeId, ...details } = event.data;
      return { ...s, status: 'published', programmeId, details };
    }
    case 'ProgrammeRevised':
      return { ...s, details: { ...s.details, ...event.data.changes } };
    case 'ProgrammeCancelled':
      return { ...s, status: 'cancelled' };
    case 'StaffEnrolled': {
      const { nip, enrolmentId, workUnit, attempt, enrolledOn, need } = event.data;
      const known = base(s, nip, enrolmentId);
      return patch(s, nip, {
        ...known,
        nip,
        workUnit,
        status: 'pending-funds',
        attempt,
        enrolledOn: enrolledOn ?? known.enrolledOn,
        need: need ?? known.need,
      });
    }
    case 'EnrolmentWaitlisted': {
      const { nip, enrolmentId, workUnit, reason, need } = event.data;
      const known = base(s, nip, enrolmentId);
      return patch(s, nip, {
        ...known,
        nip,
        workUnit,
        status: reason === 'capacity' ? 'waitlisted-capacity' : 'waitlisted-funds',
        // Only a first waitlisting carries it (funds waitlistings carry null): a null keeps what is stored.
        need: need ?? known.need,
      });
    }
    case 'EnrolmentConfirmed':
      return patch(s, event.data.nip, { status: 'confirmed', commitmentId: event.data.commitmentId });
    case 'EnrolmentFunded':
      return patch(s, event.data.nip, { status: 'awaiting-release', commitmentId: event.data.commitmentId });
    case 'EnrolmentApproved': {
      const { suratTugas, approvedOn, nominated } = event.data;
      return patch(s, event.data.nip, { release: { suratTugas, approvedOn, nominated } });
    }
    case 'EnrolmentDeclined':
      return patch(s, event.data.nip, { status: 'declined' });
    case 'EnrolmentWithdrawn':
      return patch(s, event.data.nip, { status: 'withdrawn' });
    case 'SessionAttended':
    case 'SessionMissed': {
      const e = s.enrolments[event.data.nip];
      return patch(s, e.nip, {
        attendance: {
          ...e.attendance,
          [event.data.sessionId]: event.type === 'SessionAttended' ? 'attended' : 'missed',
        },
      });
    }
    case 'LearningProgressRecorded': {
      const e = s.enrolments[event.data.nip];
      const { statementId, verb, moduleId, score, seconds } = event.data;
      const modulesCompleted =
        verb === 'completed' && !e.modulesCompleted.includes(moduleId)
          ? [...e.modulesCompleted, moduleId]
          : e.modulesCompleted;
      const bestScores =
        score === null
          ? e.bestScores
          : { ...e.bestScores, [moduleId]: Math.max(e.bestScores[moduleId] ?? score, score) };
      return patch(s, e.nip, {
        statements: [...e.statements, statementId],
        modulesCompleted,
        bestScores,
        secondsSpent: e.secondsSpent + (seconds ?? 0),
      });
    }
    case 'TrainingCompleted':
      return patch(s, event.data.nip, { status: 'completed' });
    case 'TrainingNotCompleted':
      return patch(s, event.data.nip, { status: 'not-completed' });
    default: {
      const never: never = event;
      return never;
    }
  }
}
