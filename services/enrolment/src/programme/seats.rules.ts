import type {
  EnrolmentWaitlisted,
  FundingNeed,
  ProgrammeDetails,
  ProgrammeEvent,
  StaffEnrolled,
} from '@kompeten/contracts';
import { fiscalYearOf } from '@kompeten/domain';
import type { ProgrammeCommand } from './programme.commands';
import { problems } from './programme.problems';
import { Enrolment, evolveProgramme, ProgrammeState, seatsTaken } from './programme.state';
import { ACTIVE, Seat } from './seat';
import { waitlistHead } from './seat-ledger';

export { ACTIVE };

type Command<T extends ProgrammeCommand['type']> = Extract<ProgrammeCommand, { type: T }>;

/** The earliest session date (sessions carry dates only, no times of day: those come with issue #19). */
export const firstSessionDate = (d: ProgrammeDetails): string | null =>
  d.sessions.reduce<string | null>((first, x) => (first === null || x.date < first ? x.date : first), null);

/**
 * The fiscal year an enrolment's cost is charged to: the programme's own, else the year its first
 * session falls in (a December enrolment for a January course is next year's cost), else — for a
 * programme without sessions — the year of the day of enrolment (a city date).
 */
export const fiscalYearFor = (d: ProgrammeDetails, enrolledOn: string): number =>
  d.fiscalYear ?? fiscalYearOf(firstSessionDate(d) ?? enrolledOn);

const freeSeats = (s: ProgrammeState) => Math.max(0, s.details.capacity - seatsTaken(s));

/** A seat free that nobody on the waitlist is owed: only then may someone not in the queue take it. */
const seatForNewcomer = (s: ProgrammeState) => freeSeats(s) > s.seats.waiting;

const waitingDetail = (s: ProgrammeState) =>
  freeSeats(s) === 0 ? `all ${s.details.capacity} seats are taken` : 'others are waiting for the free seats';

type Who = Pick<Seat, 'enrolmentId' | 'nip' | 'workUnit' | 'attempt' | 'need'>;

/**
 * A seat taken (again): the budget is asked for this enrolment's cost as its next funds request —
 * a new attempt each time, since the budget answers each (enrolmentId, attempt) once.
 */
function enrolled(s: ProgrammeState, e: Who, enrolledOn: string): StaffEnrolled {
  const d = s.details;
  return {
    type: 'StaffEnrolled',
    data: {
      enrolmentId: e.enrolmentId,
      programmeId: s.programmeId,
      nip: e.nip,
      workUnit: e.workUnit,
      fundingOpd: d.fundingOpd,
      costPerParticipant: d.costPerParticipant,
      jp: d.jp,
      competencyType: d.competencyType,
      competencyArea: d.competencyArea,
      year: fiscalYearFor(d, enrolledOn),
      attempt: e.attempt + 1,
      enrolledOn,
      need: e.need,
    },
  };
}

/** `need`: only on a first waitlisting (the state keeps it); a return to the waitlist carries null. */
const waitlisted = (
  s: ProgrammeState,
  e: Who,
  detail: string,
  need: FundingNeed | null = null,
): EnrolmentWaitlisted => ({
  type: 'EnrolmentWaitlisted',
  data: {
    enrolmentId: e.enrolmentId,
    programmeId: s.programmeId,
    nip: e.nip,
    workUnit: e.workUnit,
    reason: 'capacity',
    detail,
    need,
  },
});

/**
 * After `events` (a withdrawal, a funds rejection, more capacity), every free seat goes to the
 * longest-waiting staff member on the capacity waitlist, in the same decision: a seat never stays
 * free while someone waits for it. A promoted enrolment that never recorded its day is dated `today`.
 */
export function thenFillSeats(s: ProgrammeState, events: ProgrammeEvent[], today: string): ProgrammeEvent[] {
  const after = events.reduce(evolveProgramme, s);
  if (after.status === 'cancelled') return events;
  const promoted = waitlistHead(after.seats, freeSeats(after)).map((e) => enrolled(after, e, e.enrolledOn ?? today));
  return [...events, ...promoted];
}

/** Enrolment closes after the first session's date unless the programme allows late enrolment. */
function checkOpen(s: ProgrammeState, today: string) {
  const first = firstSessionDate(s.details);
  if (!s.details.lateEnrolment && first !== null && today > first) throw problems.enrolmentClosed(s, first);
}

export function decideEnrol(c: Command<'EnrolStaff'>, s: ProgrammeState): ProgrammeEvent[] {
  if (s.status === 'cancelled') throw problems.cancelled(s);
  const current = s.enrolments[c.nip];
  if (current && (ACTIVE.includes(current.status) || current.status === 'completed'))
    throw problems.alreadyEnrolled(current);
  if (!c.staffActive) throw problems.staffLeft(c.nip);
  if (c.enrolledOn > c.today) throw problems.invalid('enrolledOn', `cannot be in the future (today is ${c.today})`);
  // Closure is about when the request arrives, not the date it gives: a backdated enrolment cannot reopen it.
  checkOpen(s, c.today);
  // Nobody jumps the queue: seats free while others wait (a log from before seats moved) go to them first.
  const promotions = thenFillSeats(s, [], c.today);
  const after = promotions.reduce(evolveProgramme, s);
  const newcomer = { enrolmentId: c.enrolmentId, nip: c.nip, workUnit: c.workUnit, attempt: 0, need: c.need };
  return [
    ...promotions,
    seatForNewcomer(after)
      ? enrolled(after, newcomer, c.enrolledOn)
      : waitlisted(after, newcomer, waitingDetail(after), c.need),
  ];
}

/** The budget committed the funds: for a pending enrolment, or (from its queue) for one waitlisted for funds. */
export function decideFundsCommitted(c: Command<'ConfirmEnrolment'>, s: ProgrammeState): ProgrammeEvent[] {
  const e = s.enrolments[c.nip];
  // Answers about an older enrolment, or arriving after a withdrawal or cancellation, change nothing:
  // the budget releases those funds when it sees the withdrawal or cancellation.
  if (!e || e.enrolmentId !== c.enrolmentId || s.status === 'cancelled') return [];
  const ids = { enrolmentId: e.enrolmentId, programmeId: s.programmeId, nip: e.nip, commitmentId: c.commitmentId };
  // A seat needs both the money and, where the programme asks for it, the unit head's release.
  const confirmed: ProgrammeEvent =
    s.details.releaseRequired && !e.release
      ? { type: 'EnrolmentFunded', data: ids }
      : { type: 'EnrolmentConfirmed', data: ids };
  if (e.status === 'pending-funds') return [confirmed];
  if (e.status !== 'waitlisted-funds') return [];
  // Its seat went to the next in line when the funds were refused: it takes a free one, or waits for
  // one in its original place (the budget releases the commitment on this waitlisting).
  return seatForNewcomer(s) ? [confirmed] : [waitlisted(s, e, `funds committed, but ${waitingDetail(s)}`)];
}

/** The budget refused the funds: the enrolment waits for money and its seat goes to the next in line. */
export function decideFundsRejected(c: Command<'WaitlistForFunds'>, s: ProgrammeState): ProgrammeEvent[] {
  const e = s.enrolments[c.nip];
  // A stale answer (an older enrolment or funds request, or after a withdrawal or cancellation) changes nothing.
  if (!e || e.enrolmentId !== c.enrolmentId || e.attempt !== c.attempt) return [];
  if (e.status !== 'pending-funds' || s.status === 'cancelled') return [];
  const funds: ProgrammeEvent = {
    type: 'EnrolmentWaitlisted',
    data: {
      enrolmentId: e.enrolmentId,
      programmeId: s.programmeId,
      nip: e.nip,
      workUnit: e.workUnit,
      reason: 'funds',
      detail: c.detail,
      // The need is the enrolment's, kept in the state: the re-request or the promotion carries it.
      need: null,
    },
  };
  return thenFillSeats(s, [funds], c.today);
}

/** An officer asks the budget again for an enrolment waitlisted for funds (no withdraw-and-re-enrol). */
export function decideRequestFundsAgain(
  c: Command<'RequestFundsAgain'>,
  s: ProgrammeState,
  e: Enrolment,
): ProgrammeEvent[] {
  if (s.status === 'cancelled') throw problems.cancelled(s);
  if (e.status !== 'waitlisted-funds') throw problems.wrongState(e, 'request funds again');
  // The need of the day of enrolment; one read today only for an enrolment made before needs were recorded.
  const who = { ...e, need: e.need ?? c.need };
  return seatForNewcomer(s)
    ? [enrolled(s, who, e.enrolledOn ?? c.today)]
    : [waitlisted(s, who, waitingDetail(s), e.need === null ? c.need : null)];
}

export function decideWithdrawal(c: Command<'WithdrawEnrolment'>, s: ProgrammeState, e: Enrolment): ProgrammeEvent[] {
  if (!ACTIVE.includes(e.status)) throw problems.wrongState(e, 'withdraw');
  const withdrawn: ProgrammeEvent = {
    type: 'EnrolmentWithdrawn',
    data: {
      enrolmentId: e.enrolmentId,
      programmeId: s.programmeId,
      nip: e.nip,
      reason: c.reason,
      note: c.note,
      wasConfirmed: e.status === 'confirmed',
    },
  };
  return thenFillSeats(s, [withdrawn], c.today);
}
