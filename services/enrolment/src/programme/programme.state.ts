import type { ProgrammeDetails, ProgrammeEvent, SuratTugas } from '@kompeten/contracts';
import { evolveSeat, Seat } from './seat';
import { emptySeats, evolveSeats, SeatsView } from './seat-ledger';

export type { EnrolmentStatus } from './seat';

/** One staff member's enrolment, as their participant stream (and, before issue 23, the programme stream) says. */
export interface Enrolment extends Seat {
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

/**
 * What the programme decider decides on: the programme's own stream (status, details), the
 * enrolments of the participants the command is about (`enrolments`: in a fold of a whole history,
 * as the decider's tests do, everyone's), and the seats across every participant (`seats`).
 */
export interface ProgrammeState {
  status: 'unknown' | 'published' | 'cancelled';
  programmeId: string;
  details: ProgrammeDetails;
  enrolments: Record<string, Enrolment>;
  seats: SeatsView;
  /**
   * The log position of the last event folded — in a fold of one history, its count (the same order).
   * Each event folded moves it on, so an enrolment a decision creates is placed after everyone before.
   */
  version: number;
}

export const seatsTaken = (s: ProgrammeState) => s.seats.taken;

export const initialProgrammeState = (): ProgrammeState => ({
  status: 'unknown',
  programmeId: '',
  details: undefined as never,
  enrolments: {},
  seats: emptySeats(),
  version: 0,
});

const NOTHING_YET = {
  release: null,
  commitmentId: null,
  attendance: {},
  statements: [],
  modulesCompleted: [],
  bestScores: {},
  secondsSpent: 0,
};

/** One enrolment after an event of its participant (pure); `position` places a new enrolment in the queue. */
export function evolveEnrolment(
  e: Enrolment | undefined,
  event: ProgrammeEvent,
  position: number,
): Enrolment | undefined {
  switch (event.type) {
    case 'StaffEnrolled':
    case 'EnrolmentWaitlisted': {
      const seat = evolveSeat(e, event, position)!;
      // A new enrolment id starts a clean record; the same id (waitlist ↔ seat) keeps its history.
      return { ...(e?.enrolmentId === seat.enrolmentId ? e : NOTHING_YET), ...seat };
    }
    case 'ProgrammePublished':
    case 'ProgrammeRevised':
    case 'ProgrammeCancelled':
      return e;
    default:
      if (!e) return e;
  }
  switch (event.type) {
    case 'EnrolmentConfirmed':
      return { ...e, status: 'confirmed', commitmentId: event.data.commitmentId };
    case 'EnrolmentFunded':
      return { ...e, status: 'awaiting-release', commitmentId: event.data.commitmentId };
    case 'EnrolmentApproved': {
      const { suratTugas, approvedOn, nominated } = event.data;
      return { ...e, release: { suratTugas, approvedOn, nominated } };
    }
    case 'SessionAttended':
    case 'SessionMissed':
      return {
        ...e,
        attendance: {
          ...e.attendance,
          [event.data.sessionId]: event.type === 'SessionAttended' ? 'attended' : 'missed',
        },
      };
    case 'LearningProgressRecorded': {
      const { statementId, verb, moduleId, score, seconds } = event.data;
      const modulesCompleted =
        verb === 'completed' && !e.modulesCompleted.includes(moduleId)
          ? [...e.modulesCompleted, moduleId]
          : e.modulesCompleted;
      const bestScores =
        score === null
          ? e.bestScores
          : { ...e.bestScores, [moduleId]: Math.max(e.bestScores[moduleId] ?? score, score) };
      return {
        ...e,
        statements: [...e.statements, statementId],
        modulesCompleted,
        bestScores,
        secondsSpent: e.secondsSpent + (seconds ?? 0),
      };
    }
    default:
      // Declined, withdrawn, completed, not completed: only the status moves.
      return { ...e, status: evolveSeat(e, event, position)!.status };
  }
}

/**
 * The decider's evolve: the programme's own events change its details; a participant's event
 * changes their enrolment (when this state holds it) and the seats. Pure, and it copies only what
 * changed: a decision's hypothetical outcomes cost what it touched.
 */
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
    default: {
      const nip = event.data.nip;
      const e = evolveEnrolment(s.enrolments[nip], event, s.version);
      const enrolments = e && e !== s.enrolments[nip] ? { ...s.enrolments, [nip]: e } : s.enrolments;
      return { ...s, enrolments, seats: evolveSeats(s.seats, event, s.version) };
    }
  }
}
