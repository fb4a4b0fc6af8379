import type { DepartureReason, EmploymentType, StaffEvent, WorkUnit } from '@kompeten/contracts';
import { type Decider, DomainError } from '@kompeten/domain';

export type StaffCommand =
  | {
      type: 'RegisterStaff';
      nip: string;
      name: string;
      employmentType: EmploymentType;
      workUnit: WorkUnit;
      position: string;
      today: string;
    }
  | { type: 'TransferStaff'; nip: string; to: WorkUnit; position?: string; effectiveOn: string }
  | { type: 'RecordStaffDeparture'; nip: string; reason: DepartureReason; effectiveOn: string };

export type StaffState =
  | { status: 'unknown' }
  | { status: 'active' | 'left'; nip: string; employmentType: EmploymentType; workUnit: WorkUnit; position: string };

const sameUnit = (a: WorkUnit, b: WorkUnit) => a.opd === b.opd && (a.serviceUnit ?? null) === (b.serviceUnit ?? null);

export const staffDecider: Decider<StaffCommand, StaffState, StaffEvent> = {
  initialState: () => ({ status: 'unknown' }),

  decide(command, state) {
    if (command.type === 'RegisterStaff') {
      if (state.status !== 'unknown')
        throw DomainError.conflict(
          'staff-exists',
          'Staff already registered',
          `NIP ${command.nip} is already on the roster`,
        );
      const { nip, name, employmentType, workUnit, position, today } = command;
      return [
        { type: 'StaffRegistered', data: { nip, name, employmentType, workUnit, position, registeredOn: today } },
      ];
    }
    if (state.status === 'unknown')
      throw DomainError.notFound('staff-not-found', 'Unknown staff', `no staff member with NIP ${command.nip}`);
    if (state.status === 'left')
      throw DomainError.conflict('staff-left', 'Staff has left', `NIP ${command.nip} has left the service`);
    switch (command.type) {
      case 'TransferStaff': {
        const position = command.position ?? state.position;
        if (sameUnit(state.workUnit, command.to) && position === state.position) return []; // a resend changes nothing
        return [
          {
            type: 'StaffTransferred',
            data: {
              nip: command.nip,
              from: state.workUnit,
              to: command.to,
              position,
              effectiveOn: command.effectiveOn,
            },
          },
        ];
      }
      case 'RecordStaffDeparture':
        return [
          { type: 'StaffLeft', data: { nip: command.nip, reason: command.reason, effectiveOn: command.effectiveOn } },
        ];
      default: {
        const never: never = command;
        throw new Error(`unhandled command ${JSON.stringify(never)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'StaffRegistered': {
        const { nip, employmentType, workUnit, position } = event.data;
        return { status: 'active', nip, employmentType, workUnit, position };
      }
      case 'StaffTransferred':
        return state.status === 'unknown'
          ? state
          : { ...state, workUnit: event.data.to, position: event.data.position };
      case 'StaffLeft':
        return state.status === 'unknown' ? state : { ...state, status: 'left' };
      default: {
        const never: never = event;
        return never;
      }
    }
  },
};

export const staffStreamId = (nip: string) => `staff-${nip}`;
