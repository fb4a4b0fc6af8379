import type { DepartureReason, EmploymentType, StaffEvent, WorkUnit } from '@kompeten/contracts';
import { type Decider, DomainError } from '@kompeten/domain';

/** Every date is a business date `YYYY-MM-DD` in the city's calendar; `today` is the city's (CityCalendar). */
export type StaffCommand =
  | {
      type: 'RegisterStaff';
      nip: string;
      name: string;
      employmentType: EmploymentType;
      workUnit: WorkUnit;
      position: string;
      /** Default: today. */
      registeredOn?: string;
      /** Default: registeredOn. */
      positionSince?: string;
      today: string;
    }
  | { type: 'TransferStaff'; nip: string; to: WorkUnit; position?: string; effectiveOn: string; today: string }
  | { type: 'RecordStaffDeparture'; nip: string; reason: DepartureReason; effectiveOn: string; today: string };

export type StaffState =
  | { status: 'unknown' }
  | {
      status: 'active' | 'left';
      nip: string;
      employmentType: EmploymentType;
      workUnit: WorkUnit;
      position: string;
      registeredOn: string;
      positionSince: string;
      /** When the current unit and position began: the start in the registered position, or the last transfer. */
      currentSince: string;
    };

const sameUnit = (a: WorkUnit, b: WorkUnit) => a.opd === b.opd && (a.serviceUnit ?? null) === (b.serviceUnit ?? null);

/**
 * The appointment month (TMT CPNS) a PNS's NIP carries in digits 9–14 (`YYYY-MM`; DOMAIN.md, "NIP";
 * libs/contracts/src/nip.ts checks it is real). Nobody serves the city as a PNS before it.
 */
const appointmentMonthOf = (nip: string) => `${nip.slice(8, 12)}-${nip.slice(12, 14)}`;

function registrationDates(c: Extract<StaffCommand, { type: 'RegisterStaff' }>) {
  const registeredOn = c.registeredOn ?? c.today;
  const positionSince = c.positionSince ?? registeredOn;
  if (registeredOn > c.today)
    throw DomainError.invalid('registeredOn', `${registeredOn} is in the future (the city's today is ${c.today})`);
  // PPPK: no NIP bound (DOMAIN.md does not say a PPPK number carries the contract's start).
  if (c.employmentType === 'PNS' && registeredOn.slice(0, 7) < appointmentMonthOf(c.nip))
    throw DomainError.invalid(
      'registeredOn',
      `${registeredOn} is before the appointment month ${appointmentMonthOf(c.nip)} in the NIP (TMT CPNS)`,
    );
  if (positionSince > c.today)
    throw DomainError.invalid('positionSince', `${positionSince} is in the future (the city's today is ${c.today})`);
  // The position is one in the city's units: nobody holds it before serving the city.
  if (positionSince < registeredOn)
    throw DomainError.invalid('positionSince', `${positionSince} is before registeredOn ${registeredOn}`);
  return { registeredOn, positionSince };
}

/**
 * A transfer or departure takes effect on a day that has come (the event is what changes the roster,
 * so a future one would act early), and not before the current unit and position began, which keeps
 * the unit history in order for everyone who reads it (the feedback service's assignments).
 */
function checkEffectiveOn(effectiveOn: string, today: string, currentSince: string) {
  if (effectiveOn > today)
    throw DomainError.invalid('effectiveOn', `${effectiveOn} is in the future (the city's today is ${today})`);
  if (effectiveOn < currentSince)
    throw DomainError.invalid(
      'effectiveOn',
      `${effectiveOn} is before ${currentSince}, when the current unit and position began (the registered position or the last transfer)`,
    );
}

export const staffDecider: Decider<StaffCommand, StaffState, StaffEvent> = {
  initialState: () => ({ status: 'unknown' }),

  decide(command, state) {
    if (command.type === 'RegisterStaff') {
      const { registeredOn, positionSince } = registrationDates(command);
      if (state.status !== 'unknown')
        throw DomainError.conflict(
          'staff-exists',
          'Staff already registered',
          `NIP ${command.nip} is already on the roster`,
        );
      const { nip, name, employmentType, workUnit, position } = command;
      return [
        {
          type: 'StaffRegistered',
          data: { nip, name, employmentType, workUnit, position, registeredOn, positionSince },
        },
      ];
    }
    if (state.status === 'unknown')
      throw DomainError.notFound('staff-not-found', 'Unknown staff', `no staff member with NIP ${command.nip}`);
    if (state.status === 'left')
      throw DomainError.conflict('staff-left', 'Staff has left', `NIP ${command.nip} has left the service`);
    switch (command.type) {
      case 'TransferStaff': {
        checkEffectiveOn(command.effectiveOn, command.today, state.currentSince);
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
        checkEffectiveOn(command.effectiveOn, command.today, state.currentSince);
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
        const { nip, employmentType, workUnit, position, registeredOn, positionSince } = event.data;
        return {
          status: 'active',
          nip,
          employmentType,
          workUnit,
          position,
          registeredOn,
          positionSince,
          currentSince: positionSince,
        };
      }
      case 'StaffTransferred': {
        if (state.status === 'unknown') return state;
        // Older transfers may hold an instant (the API took any ISO 8601 then); its date part orders it.
        const on = event.data.effectiveOn.slice(0, 10);
        const positionSince = event.data.position === state.position ? state.positionSince : on;
        return { ...state, workUnit: event.data.to, position: event.data.position, positionSince, currentSince: on };
      }
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
