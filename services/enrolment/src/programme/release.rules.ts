import type { ProgrammeEvent } from '@kompeten/contracts';
import type { ProgrammeCommand } from './programme.commands';
import { problems } from './programme.problems';
import type { Enrolment, ProgrammeState } from './programme.state';
import { ACTIVE, thenFillSeats } from './seats.rules';

type Command<T extends ProgrammeCommand['type']> = Extract<ProgrammeCommand, { type: T }>;

/**
 * Whether the unit head may still decide on this enrolment: it holds or waits for a seat and no
 * release was given. A confirmed enrolment of a programme that asks for no release is past deciding.
 */
export const awaitsRelease = (s: ProgrammeState, e: Enrolment) =>
  ACTIVE.includes(e.status) && !e.release && (s.details.releaseRequired || e.status !== 'confirmed');

/**
 * The unit head released the staff member (their unit's training calendar recorded StaffReleased and
 * checked overlaps and the continuity rule there). Arrives through the calendar's reaction, so a
 * release about an enrolment that has since ended, or a redelivery, changes nothing. With the funds
 * already committed, the seat is confirmed in the same append.
 */
export function decideApproval(c: Command<'ApproveEnrolment'>, s: ProgrammeState): ProgrammeEvent[] {
  const e = s.enrolments[c.nip];
  if (!e || e.enrolmentId !== c.enrolmentId || s.status === 'cancelled' || !ACTIVE.includes(e.status)) return [];
  if (e.release) return [];
  const ids = { enrolmentId: e.enrolmentId, programmeId: s.programmeId, nip: e.nip };
  const approved: ProgrammeEvent = {
    type: 'EnrolmentApproved',
    data: { ...ids, suratTugas: c.suratTugas, approvedOn: c.approvedOn, nominated: c.nominated },
  };
  if (e.status !== 'awaiting-release' || !e.commitmentId) return [approved];
  return [approved, { type: 'EnrolmentConfirmed', data: { ...ids, commitmentId: e.commitmentId } }];
}

/**
 * The unit head declines to release the staff member, with a coded reason: the seat goes to the
 * next in line (the budget releases the funds when it sees the decline). Declining again changes
 * nothing; a release already given is not taken back by a decline (the staff member withdraws).
 */
export function decideDecline(c: Command<'DeclineEnrolment'>, s: ProgrammeState, e: Enrolment): ProgrammeEvent[] {
  if (e.status === 'declined') return [];
  if (c.reason === 'other' && !c.note?.trim()) throw problems.invalid('note', 'required when the reason is other');
  if (s.status === 'cancelled') throw problems.cancelled(s);
  if (e.release) throw problems.alreadyReleased(e);
  if (!awaitsRelease(s, e)) throw problems.wrongState(e, 'decline');
  const declined: ProgrammeEvent = {
    type: 'EnrolmentDeclined',
    data: {
      enrolmentId: e.enrolmentId,
      programmeId: s.programmeId,
      nip: e.nip,
      workUnit: e.workUnit,
      reason: c.reason,
      note: c.note,
      declinedOn: c.today,
      requestedOn: e.enrolledOn,
    },
  };
  return thenFillSeats(s, [declined], c.today);
}
