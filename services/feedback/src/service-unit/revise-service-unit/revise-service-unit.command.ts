import type { EventMetadata } from '@kompeten/event-store';
import type { ServiceUnitChanges } from '../service-unit.decider';

export class ReviseServiceUnitCommand {
  constructor(
    readonly unitCode: string,
    readonly changes: ServiceUnitChanges,
    readonly metadata: EventMetadata,
    readonly expectedVersion?: number,
  ) {}
}
