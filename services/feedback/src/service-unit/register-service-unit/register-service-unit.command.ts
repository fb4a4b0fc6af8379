import type { EventMetadata } from '@kompeten/event-store';
import type { ServiceUnitDetails } from '../service-unit.decider';

export class RegisterServiceUnitCommand {
  constructor(
    readonly unitCode: string,
    readonly details: ServiceUnitDetails,
    readonly metadata: EventMetadata,
  ) {}
}
