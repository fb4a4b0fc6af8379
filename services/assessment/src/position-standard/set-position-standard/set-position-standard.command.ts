import type { EventMetadata } from '@kompeten/event-store';
import type { Requirement } from '../position-standard.decider';

export class SetPositionStandardCommand {
  constructor(
    readonly position: string,
    readonly requirements: Requirement[],
    readonly metadata: EventMetadata,
    readonly expectedVersion?: number,
  ) {}
}
