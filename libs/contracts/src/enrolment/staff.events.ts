import type { EventContract } from '../event-contract';
import type { DepartureReason, EmploymentType, WorkUnit } from './shared.types';

/**
 * Stream `staff-<nip>`. Dates are the business's, in the city's calendar (`YYYY-MM-DD`):
 * `registeredOn` is when the staff member began serving the city (their real start for staff serving
 * before go-live; for PPPK the start of the contract), `positionSince` when they took up `position`.
 */
export type StaffRegistered = {
  type: 'StaffRegistered';
  data: {
    nip: string;
    name: string | null;
    employmentType: EmploymentType;
    workUnit: WorkUnit;
    position: string;
    registeredOn: string;
    positionSince: string;
  };
};
/** StaffRegistered v1, frozen: before the start in the position was recorded. */
export type StaffRegisteredV1 = Omit<StaffRegistered['data'], 'positionSince'>;
/**
 * `effectiveOn` (here and in StaffLeft): a city date, not in the future and not before the current unit
 * and position began; older events may hold an ISO 8601 instant (the API once took one).
 */
export type StaffTransferred = {
  type: 'StaffTransferred';
  data: { nip: string; from: WorkUnit; to: WorkUnit; position: string; effectiveOn: string };
};
export type StaffLeft = {
  type: 'StaffLeft';
  data: { nip: string; reason: DepartureReason; effectiveOn: string };
};
export type StaffEvent = StaffRegistered | StaffTransferred | StaffLeft;

export const STAFF_EVENTS: EventContract[] = [
  {
    type: 'StaffRegistered',
    version: 2,
    service: 'enrolment',
    stream: 'staff-<nip>',
    personalFields: ['name'],
    description:
      'A civil servant (PNS or PPPK) joins the roster with a validated NIP, work unit and position, and the dates they began serving (registeredOn) and holding the position (positionSince).',
    // v1 knew no start in the position: the position is taken to have started with the registration.
    upcasters: [{ fromVersion: 1, upcast: (v1: StaffRegisteredV1) => ({ ...v1, positionSince: v1.registeredOn }) }],
  },
  {
    type: 'StaffTransferred',
    version: 1,
    service: 'enrolment',
    stream: 'staff-<nip>',
    description: 'A staff member moves to another OPD or service unit; the history is the stream.',
  },
  {
    type: 'StaffLeft',
    version: 1,
    service: 'enrolment',
    stream: 'staff-<nip>',
    description: 'A staff member retires or leaves; no new enrolments after this.',
  },
];
