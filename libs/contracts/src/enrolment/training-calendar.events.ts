import type { EventContract } from '../event-contract';
import type { SuratTugas } from './shared.types';

/**
 * Stream `training-calendar-<unitKey>`: a work unit's training calendar — who its head released for
 * which days, and how many of its staff may be away on one day. `unitKey` is the service unit's code
 * (a puskesmas) or, for staff without one, the OPD's. One stream per unit, so that the two rules that
 * span enrolments — no staff member released into overlapping sessions, no day short of staff —
 * are decided against everything the unit has released, never against a read model that may lag.
 */

/** One day a staff member is away: a session of the programme (times null: the whole day). */
export interface ReleaseDay {
  sessionId: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
}

/** How many of the unit's staff may be away for training on one day: a count, a share of the headcount, or both (the lower wins). */
export type ContinuityRuleSet = {
  type: 'ContinuityRuleSet';
  data: {
    unitKey: string;
    opd: string;
    serviceUnit: string | null;
    maxAwayCount: number | null;
    /** 0–1, of the unit's active staff on the day of the decision. */
    maxAwayShare: number | null;
    /** The city date it was set. */
    setOn: string;
  };
};
export type StaffReleased = {
  type: 'StaffReleased';
  data: {
    unitKey: string;
    opd: string;
    serviceUnit: string | null;
    nip: string;
    programmeId: string;
    enrolmentId: string;
    suratTugas: SuratTugas;
    days: ReleaseDay[];
    /** The city date the staff member asked (their enrolment's), when known: the approval lead time starts there. */
    requestedOn: string | null;
    releasedOn: string;
    nominated: boolean;
  };
};
/** The days are free again: the enrolment was withdrawn, declined or cancelled after the release. */
export type ReleaseEnded = {
  type: 'ReleaseEnded';
  data: {
    unitKey: string;
    nip: string;
    programmeId: string;
    enrolmentId: string;
    reason: 'withdrawn' | 'cancelled' | 'declined';
  };
};

export type TrainingCalendarEvent = ContinuityRuleSet | StaffReleased | ReleaseEnded;

const C = 'training-calendar-<unitKey>';
export const TRAINING_CALENDAR_EVENTS: EventContract[] = [
  {
    type: 'ContinuityRuleSet',
    version: 1,
    service: 'enrolment',
    stream: C,
    description:
      'A unit sets how many of its staff (a count, a share of its headcount, or both: the lower wins) may be away for training on any one day; releases that would break it are refused.',
  },
  {
    type: 'StaffReleased',
    version: 1,
    service: 'enrolment',
    stream: C,
    description:
      'The unit head releases a staff member from duty for a programme’s sessions (surat tugas number and date), on request or by nomination; never into sessions overlapping another release, never leaving a day short of the continuity rule. The programme then records EnrolmentApproved.',
  },
  {
    type: 'ReleaseEnded',
    version: 1,
    service: 'enrolment',
    stream: C,
    description:
      'A release no longer holds (the enrolment was withdrawn, or the programme cancelled): its days count no more against the continuity rule or for overlaps.',
  },
];
