import type { ServiceUnitEvent, ServiceUnitKind, UnitService } from '@kompeten/contracts';
import type { Decider } from '@kompeten/domain';
import { problems } from '../shared/feedback.problems';

export interface ServiceUnitDetails {
  name: string;
  opd: string;
  kind: ServiceUnitKind;
  services: UnitService[];
  annualServiceUsers: number;
}
export type ServiceUnitChanges = Partial<Pick<ServiceUnitDetails, 'name' | 'services' | 'annualServiceUsers'>>;

export type ServiceUnitCommand =
  | { type: 'RegisterServiceUnit'; unitCode: string; details: ServiceUnitDetails; today: string }
  | { type: 'ReviseServiceUnit'; unitCode: string; changes: ServiceUnitChanges };

export type ServiceUnitState =
  { status: 'unknown' } | ({ status: 'registered'; unitCode: string } & ServiceUnitDetails);

function checkServices(services: UnitService[]) {
  const codes = services.map((s) => s.code);
  if (new Set(codes).size !== codes.length)
    throw problems.invalid('services', 'service codes must be unique within the unit');
}

const changed = (state: ServiceUnitDetails, changes: ServiceUnitChanges) =>
  Object.fromEntries(
    Object.entries(changes).filter(
      ([k, v]) => v !== undefined && JSON.stringify(v) !== JSON.stringify(state[k as keyof ServiceUnitDetails]),
    ),
  );

export const serviceUnitDecider: Decider<ServiceUnitCommand, ServiceUnitState, ServiceUnitEvent> = {
  initialState: () => ({ status: 'unknown' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterServiceUnit': {
        if (state.status !== 'unknown') throw problems.unitExists(command.unitCode);
        checkServices(command.details.services);
        return [
          {
            type: 'ServiceUnitRegistered',
            data: { unitCode: command.unitCode, ...command.details, registeredOn: command.today },
          },
        ];
      }
      case 'ReviseServiceUnit': {
        if (state.status === 'unknown') throw problems.unitNotFound(command.unitCode);
        if (command.changes.services) checkServices(command.changes.services);
        const changes = changed(state, command.changes);
        return Object.keys(changes).length
          ? [{ type: 'ServiceUnitRevised', data: { unitCode: state.unitCode, changes } }]
          : [];
      }
      default: {
        const never: never = command;
        throw new Error(`unhandled command ${JSON.stringify(never)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ServiceUnitRegistered': {
        const { unitCode, name, opd, kind, services, annualServiceUsers } = event.data;
        return { status: 'registered', unitCode, name, opd, kind, services, annualServiceUsers };
      }
      case 'ServiceUnitRevised':
        return state.status === 'unknown' ? state : { ...state, ...event.data.changes };
      default: {
        const never: never = event;
        return never;
      }
    }
  },
};

export const serviceUnitStreamId = (unitCode: string) => `service-unit-${unitCode}`;
