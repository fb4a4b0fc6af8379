import type { ProgrammeDetails, ProgrammeEvent } from '@kompeten/contracts';
import type { Decider } from '@kompeten/domain';
import type { ProgrammeCommand } from './programme.commands';
import { decideParticipation } from './participation.rules';
import { problems } from './programme.problems';
import { evolveProgramme, initialProgrammeState, ProgrammeState, seatsTaken } from './programme.state';
import { thenFillSeats } from './seats.rules';
import { activeNips } from './seat-ledger';
import { checkSessions } from './sessions.rules';

/** Rules a programme's details must keep, whether published or revised. */
function checkDetails(d: ProgrammeDetails, taken: number) {
  if ((d.form === 'magang' || d.form === 'riset') && !d.universityPartner) {
    throw problems.invalid('universityPartner', `a ${d.form} programme names its university partner`);
  }
  if ((d.form === 'e-learning' || d.form === 'mobile') && !d.completionRule) {
    throw problems.invalid('completionRule', 'a self-paced programme needs a completion rule (modules, minimum score)');
  }
  if (d.capacity < taken) throw problems.invalid('capacity', `cannot be below the ${taken} seats already taken`);
  // A revision may send null for a setting (optional in the request): these two always have a value.
  if (typeof d.attendanceThreshold !== 'number' || !(d.attendanceThreshold >= 0 && d.attendanceThreshold <= 1))
    throw problems.invalid('attendanceThreshold', 'a share of the sessions, from 0 to 1');
  if (typeof d.lateEnrolment !== 'boolean') throw problems.invalid('lateEnrolment', 'true or false');
  const ids = d.sessions.map((s) => s.sessionId);
  if (new Set(ids).size !== ids.length) throw problems.invalid('sessions', 'session ids must be unique');
  checkSessions(d);
}

export const programmeDecider: Decider<ProgrammeCommand, ProgrammeState, ProgrammeEvent> = {
  initialState: initialProgrammeState,
  evolve: evolveProgramme,

  decide(command, state) {
    if (command.type === 'PublishProgramme') {
      if (state.status !== 'unknown') throw problems.exists(command.programmeId);
      checkDetails(command.details, 0);
      return [{ type: 'ProgrammePublished', data: { programmeId: command.programmeId, ...command.details } }];
    }
    if (state.status === 'unknown') throw problems.notFound();
    switch (command.type) {
      case 'ReviseProgramme': {
        if (state.status === 'cancelled') throw problems.cancelled(state);
        checkDetails({ ...state.details, ...command.changes }, seatsTaken(state));
        // More capacity: the new seats go to the waitlist, longest-waiting first.
        return thenFillSeats(
          state,
          [{ type: 'ProgrammeRevised', data: { programmeId: state.programmeId, changes: command.changes } }],
          command.today,
        );
      }
      case 'CancelProgramme': {
        if (state.status === 'cancelled') return [];
        const affectedNips = activeNips(state.seats);
        return [
          {
            type: 'ProgrammeCancelled',
            data: { programmeId: state.programmeId, reason: command.reason, affectedNips },
          },
        ];
      }
      default:
        return decideParticipation(command, state);
    }
  },
};

export { participantStreamId, programmeStreamId } from './programme-streams';
