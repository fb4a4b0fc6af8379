import type { FundingNeed, ProgrammeEvent, WorkUnit } from '@kompeten/contracts';

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

/**
 * What the programme's seats need to know of one enrolment: whether it holds a seat or waits for one,
 * its place in the queue, and what a promotion's funds request carries. The rest of an enrolment
 * (attendance, statements, its release) lives only in the participant's own stream.
 */
export interface Seat {
  enrolmentId: string;
  nip: string;
  workUnit: WorkUnit;
  status: EnrolmentStatus;
  /**
   * Place in the capacity waitlist: the global position of the event that made this enrolment (in a
   * single programme stream, as before issue 23, its stream version: the same order). Kept for as long
   * as the enrolment lives, so whoever returns to the waitlist (funds came, no seat) keeps their place.
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
}

/** A seat is held from the first funds request until the training ends; completion keeps it (capacity is per run). */
export const holdsSeat = (status: EnrolmentStatus) =>
  status === 'pending-funds' || status === 'awaiting-release' || status === 'confirmed' || status === 'completed';

export const ACTIVE: readonly EnrolmentStatus[] = [
  'pending-funds',
  'awaiting-release',
  'confirmed',
  'waitlisted-capacity',
  'waitlisted-funds',
];

/**
 * The event types that move an enrolment between holding a seat, the capacity waitlist and neither:
 * a decision that reads the seats appends on condition that none of these was appended to any of the
 * programme's participant streams after what it read (AppendCondition.noneAfter).
 */
export const SEAT_TYPES = [
  'StaffEnrolled',
  'EnrolmentWaitlisted',
  'EnrolmentConfirmed',
  'EnrolmentFunded',
  'EnrolmentDeclined',
  'EnrolmentWithdrawn',
  'TrainingNotCompleted',
] as const satisfies readonly ProgrammeEvent['type'][];

/**
 * What the seat ledger folds: the seat types, and TrainingCompleted, which keeps the seat but ends the
 * enrolment (a cancellation tells only those still taking part). Completions are not in SEAT_TYPES,
 * so a self-paced learner completing never makes an enrolment decide again.
 */
export const LEDGER_TYPES = [...SEAT_TYPES, 'TrainingCompleted'] as const;
const LEDGER = new Set<string>(LEDGER_TYPES);
export const isLedgerEvent = (type: string) => LEDGER.has(type);

const fresh = (enrolmentId: string, nip: string, workUnit: WorkUnit, position: number): Seat => ({
  enrolmentId,
  nip,
  workUnit,
  status: 'pending-funds',
  queuedSince: position,
  attempt: 0,
  enrolledOn: null,
  need: null,
});

const withStatus = (prev: Seat | undefined, status: EnrolmentStatus) => (prev ? { ...prev, status } : undefined);

/**
 * One enrolment's seat after an event at `position` (pure). A new enrolment id starts a clean record,
 * placed at `position`; the same id (waitlist ↔ seat) keeps its place and its need.
 */
export function evolveSeat(prev: Seat | undefined, event: ProgrammeEvent, position: number): Seat | undefined {
  switch (event.type) {
    case 'StaffEnrolled': {
      const { nip, enrolmentId, workUnit, attempt, enrolledOn, need } = event.data;
      const known = prev?.enrolmentId === enrolmentId ? prev : fresh(enrolmentId, nip, workUnit, position);
      return {
        ...known,
        workUnit,
        status: 'pending-funds',
        attempt,
        enrolledOn: enrolledOn ?? known.enrolledOn,
        need: need ?? known.need,
      };
    }
    case 'EnrolmentWaitlisted': {
      const { nip, enrolmentId, workUnit, reason, need } = event.data;
      const known = prev?.enrolmentId === enrolmentId ? prev : fresh(enrolmentId, nip, workUnit, position);
      // Only a first waitlisting carries the need (funds waitlistings carry null): a null keeps what is stored.
      const status = reason === 'capacity' ? 'waitlisted-capacity' : 'waitlisted-funds';
      return { ...known, workUnit, status, need: need ?? known.need };
    }
    case 'EnrolmentConfirmed':
      return withStatus(prev, 'confirmed');
    case 'EnrolmentFunded':
      return withStatus(prev, 'awaiting-release');
    case 'EnrolmentDeclined':
      return withStatus(prev, 'declined');
    case 'EnrolmentWithdrawn':
      return withStatus(prev, 'withdrawn');
    case 'TrainingCompleted':
      return withStatus(prev, 'completed');
    case 'TrainingNotCompleted':
      return withStatus(prev, 'not-completed');
    default:
      return prev;
  }
}

/** Capacity waitlist order: longest-waiting first (the NIP only breaks a tie no log can produce). */
export const byPlace = (a: Seat, b: Seat) =>
  a.queuedSince - b.queuedSince || (a.nip < b.nip ? -1 : a.nip > b.nip ? 1 : 0);
