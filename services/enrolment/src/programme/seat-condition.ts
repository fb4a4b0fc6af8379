import type { AppendCondition } from '@kompeten/event-store';
import type { ProgrammeCommand } from './programme.commands';
import type { ProgrammeState } from './programme.state';
import { LEDGER_TYPES, SEAT_TYPES } from './seat';

/**
 * Whether a decision reads the programme's seats, and so must be appended on condition that they did
 * not change (`always`), may (`maybe`: funds committed for an enrolment waitlisted for funds take a
 * free seat or return to the queue), or never does. A command that never reads them touches only
 * its participant's stream and never contends with another participant's command.
 * A non-completion frees a seat but promotes nobody (the sessions are over): it reads no seats.
 */
export function readsSeats(c: ProgrammeCommand): 'always' | 'maybe' | 'never' {
  switch (c.type) {
    case 'EnrolStaff':
    case 'WaitlistForFunds':
    case 'RequestFundsAgain':
    case 'WithdrawEnrolment':
    case 'DeclineEnrolment':
    case 'ReviseProgramme':
    case 'CancelProgramme':
      return 'always';
    case 'ConfirmEnrolment':
      return 'maybe';
    default:
      return 'never';
  }
}

/** The seat part of a decision's append condition (the programme stream's `unchanged` is added by the runner). */
export function seatCondition(
  c: ProgrammeCommand,
  s: ProgrammeState,
  parent: string,
  position: number,
): AppendCondition {
  const reads = readsSeats(c);
  const read =
    reads === 'always' || (reads === 'maybe' && 'nip' in c && s.enrolments[c.nip]?.status === 'waitlisted-funds');
  if (!read) return {};
  // A cancellation names everyone still taking part: a completion after it was read changes that list.
  const types = c.type === 'CancelProgramme' ? LEDGER_TYPES : SEAT_TYPES;
  return { noneAfter: { parent, types, position } };
}
