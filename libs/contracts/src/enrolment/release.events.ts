import type { EventContract } from '../event-contract';
import type { DeclineReason, SuratTugas, WorkUnit } from './shared.types';

// Stream `programme-<programmeId>` (with programme.events.ts): what the unit head's release or decline
// does to an enrolment. The release itself is decided on the unit's training calendar (training-calendar.events.ts).

/** The budget committed the funds, but the unit head has not yet released the staff member: the seat waits for both. */
export type EnrolmentFunded = {
  type: 'EnrolmentFunded';
  data: { enrolmentId: string; programmeId: string; nip: string; commitmentId: string };
};
/** The unit head released the staff member (StaffReleased on their unit's training calendar). */
export type EnrolmentApproved = {
  type: 'EnrolmentApproved';
  data: {
    enrolmentId: string;
    programmeId: string;
    nip: string;
    suratTugas: SuratTugas;
    /** The city date of the release. */
    approvedOn: string;
    /** True when the unit head nominated the staff member (rather than approving their own request). */
    nominated: boolean;
  };
};
/**
 * The unit head declined to release the staff member: the seat goes to the next in line, the budget releases the funds.
 * `note` is personal data (subject `staff:<nip>`), sealed in the log.
 */
export type EnrolmentDeclined = {
  type: 'EnrolmentDeclined';
  data: {
    enrolmentId: string;
    programmeId: string;
    nip: string;
    workUnit: WorkUnit;
    reason: DeclineReason;
    note: string | null;
    /** The city date of the decision. */
    declinedOn: string;
    /** The city date the staff member asked (StaffEnrolled.enrolledOn), when known. */
    requestedOn: string | null;
  };
};
/** A participant's own sub-stream (issue 23); programmes published before it keep these events in the programme's. */
const P = 'programme-<programmeId>/<nip>';
export const RELEASE_EVENTS: EventContract[] = [
  {
    type: 'EnrolmentFunded',
    version: 1,
    service: 'enrolment',
    stream: P,
    description:
      'The budget committed the funds for an enrolment whose unit head has not yet released the staff member: the seat is confirmed when the release comes (EnrolmentApproved).',
  },
  {
    type: 'EnrolmentApproved',
    version: 1,
    service: 'enrolment',
    stream: P,
    description:
      'The unit head released the staff member for the programme’s days (surat tugas number and date; nominated: the head put them forward). With the funds committed, EnrolmentConfirmed follows in the same append.',
  },
  {
    type: 'EnrolmentDeclined',
    version: 1,
    service: 'enrolment',
    stream: P,
    description:
      'The unit head declined to release the staff member, with a coded reason (workload-no-cover, service-continuity, not-relevant, budget, other + note): the seat goes to the next in line and the budget releases the funds. The note is personal data (subject staff:<nip>), sealed.',
    personalFields: ['note'],
  },
];
