import type { ProgrammeDetails, ProgrammeEvent, WorkUnit } from '@kompeten/contracts';

export type EnrolmentStatus =
  | 'pending-funds'
  | 'confirmed'
  | 'waitlisted-capacity'
  | 'waitlisted-funds'
  | 'withdrawn'
  | 'completed'
  | 'not-completed';

export interface Enrolment {
  enrolmentId: string;
  nip: string;
  workUnit: WorkUnit;
  status: EnrolmentStatus;
  /** Order in which capacity-waitlisted staff get a freed seat. */
  waitlistedAt: number;
  attendance: Record<string, 'attended' | 'missed'>;
  /** Statement ids already applied (a resend from a flaky phone is applied once). */
  statements: string[];
  modulesCompleted: string[];
  bestScores: Record<string, number>;
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
    (e) => e.status === 'pending-funds' || e.status === 'confirmed' || e.status === 'completed',
  ).length;

export const nextOnWaitlist = (s: ProgrammeState, except?: string): Enrolment | undefined =>
  Object.values(s.enrolments)
    .filter((e) => e.status === 'waitlisted-capacity' && e.nip !== except)
    .sort((a, b) => a.waitlistedAt - b.waitlistedAt)[0];

export const initialProgrammeState = (): ProgrammeState => ({
  status: 'unknown',
  programmeId: '',
  details: undefined as never,
  enrolments: {},
  version: 0,
});

const fresh = { attendance: {}, statements: [], modulesCompleted: [], bestScores: {} };
/** A new enrolment id starts a clean record; the same id (waitlist → seat) keeps its history. */
const base = (s: ProgrammeState, nip: string, enrolmentId: string) =>
  s.enrolments[nip]?.enrolmentId === enrolmentId ? s.enrolments[nip] : fresh;

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
      const { nip, enrolmentId, workUnit } = event.data;
      return patch(s, nip, {
        ...base(s, nip, enrolmentId),
        enrolmentId,
        nip,
        workUnit,
        status: 'pending-funds',
        waitlistedAt: 0,
      });
    }
    case 'EnrolmentWaitlisted': {
      const { nip, enrolmentId, workUnit, reason } = event.data;
      return patch(s, nip, {
        ...base(s, nip, enrolmentId),
        enrolmentId,
        nip,
        workUnit,
        status: reason === 'capacity' ? 'waitlisted-capacity' : 'waitlisted-funds',
        waitlistedAt: s.version,
      });
    }
    case 'EnrolmentConfirmed':
      return patch(s, event.data.nip, { status: 'confirmed' });
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
      const { statementId, verb, moduleId, score } = event.data;
      const modulesCompleted =
        verb === 'completed' && !e.modulesCompleted.includes(moduleId)
          ? [...e.modulesCompleted, moduleId]
          : e.modulesCompleted;
      const bestScores =
        score === null
          ? e.bestScores
          : { ...e.bestScores, [moduleId]: Math.max(e.bestScores[moduleId] ?? score, score) };
      return patch(s, e.nip, { statements: [...e.statements, statementId], modulesCompleted, bestScores });
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
