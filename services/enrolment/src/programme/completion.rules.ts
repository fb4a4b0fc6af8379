import type { AttendanceOverride, ProgrammeEvent } from '@kompeten/contracts';
import { fiscalYearOf } from '@kompeten/domain';
import type { ProgrammeCommand } from './programme.commands';
import { problems } from './programme.problems';
import type { Enrolment, ProgrammeState } from './programme.state';
import { firstSessionDate } from './seats.rules';

type Command<T extends ProgrammeCommand['type']> = Extract<ProgrammeCommand, { type: T }>;

/** The training completed on a city date; the JP are credited to that date's year. */
export function completed(
  s: ProgrammeState,
  e: Enrolment,
  completedOn: string,
  attendanceOverride: AttendanceOverride | null = null,
): ProgrammeEvent {
  const d = s.details;
  return {
    type: 'TrainingCompleted',
    data: {
      enrolmentId: e.enrolmentId,
      programmeId: s.programmeId,
      nip: e.nip,
      jp: d.jp,
      year: fiscalYearOf(completedOn),
      completedOn,
      competencyType: d.competencyType,
      competencyArea: d.competencyArea,
      workUnit: e.workUnit,
      fundingOpd: d.fundingOpd,
      costPerParticipant: d.costPerParticipant,
      attendanceOverride,
    },
  };
}

/** Sessions attended of the programme's sessions, and how many the threshold asks for (rounded up). */
export function attendanceOf(s: ProgrammeState, e: Enrolment) {
  const sessions = s.details.sessions.length;
  const attended = s.details.sessions.filter((x) => e.attendance[x.sessionId] === 'attended').length;
  // 0.7 × 10 is 7.000000000000001 in floating point: the epsilon keeps it at 7.
  const required = Math.ceil(s.details.attendanceThreshold * sessions - 1e-9);
  return { sessions, attended, required };
}

/**
 * An officer's completion: dated no later than today and no earlier than the first session, with
 * the attendance the programme asks for — or a coded reason to complete anyway. A self-paced
 * programme (no sessions) has no attendance to check.
 */
export function decideCompletion(c: Command<'CompleteTraining'>, s: ProgrammeState, e: Enrolment): ProgrammeEvent[] {
  if (e.status !== 'confirmed') throw problems.wrongState(e, 'complete');
  if (c.completedOn > c.today) throw problems.invalid('completedOn', `cannot be after today (${c.today})`);
  const first = firstSessionDate(s.details);
  if (first !== null && c.completedOn < first)
    throw problems.invalid('completedOn', `cannot be before the first session (${first})`);
  const override = c.attendanceOverride;
  if (override?.reason === 'other' && !override.note?.trim())
    throw problems.invalid('attendanceOverride.note', 'required when the reason is other');
  const { sessions, attended, required } = attendanceOf(s, e);
  const below = sessions > 0 && attended < required;
  if (below && !override) throw problems.attendanceBelowThreshold(attended, sessions, s.details.attendanceThreshold);
  // The event records an override only where it was needed: an auditor reads it as "completed below the threshold".
  return [completed(s, e, c.completedOn, below ? override : null)];
}

export function decideNonCompletion(
  c: Command<'RecordNonCompletion'>,
  s: ProgrammeState,
  e: Enrolment,
): ProgrammeEvent[] {
  if (e.status !== 'confirmed') throw problems.wrongState(e, 'record non-completion');
  if (c.reason === 'other' && !c.note?.trim()) throw problems.invalid('note', 'required when the reason is other');
  return [
    {
      type: 'TrainingNotCompleted',
      data: {
        enrolmentId: e.enrolmentId,
        programmeId: s.programmeId,
        nip: e.nip,
        reason: c.reason,
        note: c.note,
      },
    },
  ];
}
