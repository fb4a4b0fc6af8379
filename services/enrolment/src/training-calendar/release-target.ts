import type { DataSource } from 'typeorm';
import type { ReleaseDay } from '@kompeten/contracts';
import { DomainError } from '@kompeten/domain';
import { EventStore, handleCommand, type EventMetadata } from '@kompeten/event-store';
import type { Enrolment, ProgrammeState } from '../programme/programme.state';
import { problems } from '../programme/programme.problems';
import type { TrainingCalendarCommand } from './training-calendar.commands';
import { trainingCalendarDecider } from './training-calendar.decider';
import { trainingCalendarStreamId } from './training-calendar.commands';

/** A unit head decides only for staff of the unit they head: the gateway checked the path, the data must agree. */
export function assertOfUnit(nip: string, workUnit: { opd: string }, opd: string) {
  if (workUnit.opd !== opd)
    throw DomainError.forbidden(
      'staff-of-another-unit',
      'Staff of another unit',
      `NIP ${nip} works in ${workUnit.opd}, not ${opd}: only their own unit’s head releases them`,
      { field: 'nip' },
    );
}

export function enrolmentOf(s: ProgrammeState, nip: string): Enrolment {
  const e = s.enrolments[nip];
  if (!e) throw problems.notEnrolled(nip);
  return e;
}

/** The days a release takes the staff member away: the programme's sessions as they are now. */
export const releaseDays = (s: ProgrammeState): ReleaseDay[] =>
  s.details.sessions.map(({ sessionId, date, startTime, endTime }) => ({ sessionId, date, startTime, endTime }));

/** Active staff of a unit (a service unit, or the OPD's staff without one) today, from the roster. */
export async function headcountOf(db: DataSource, opd: string, serviceUnit: string | null): Promise<number> {
  const [row] = await db.query<{ n: number }[]>(
    `select count(*)::int as n from staff_roster
      where status = 'active' and opd = $1 and service_unit is not distinct from $2`,
    [opd, serviceUnit],
  );
  return row?.n ?? 0;
}

export const runCalendarCommand = (
  store: EventStore,
  unitKey: string,
  command: TrainingCalendarCommand,
  metadata: EventMetadata,
) => handleCommand(store, trainingCalendarDecider, trainingCalendarStreamId(unitKey), command, metadata);
