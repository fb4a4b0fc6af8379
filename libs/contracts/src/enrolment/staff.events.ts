import type { EventContract } from '../event-contract';
import type { DepartureReason, EmploymentType, WorkUnit } from './shared.types';

/** Stream `staff-<nip>`. */
export type StaffRegistered = {
  type: 'StaffRegistered';
  data: {
    nip: string;
    name: string | null;
    employmentType: EmploymentType;
    workUnit: WorkUnit;
    position: string;
    registeredOn: string;
  };
};
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
    version: 1,
    service: 'enrolment',
    stream: 'staff-<nip>',
    personalFields: ['name'],
    description: 'A civil servant (PNS or PPPK) joins the roster with a validated NIP, work unit and position.',
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
