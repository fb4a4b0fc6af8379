import { Command } from '@nestjs/cqrs';
import type { PositionStandardEvent } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';
import type { Requirement } from '../position-standard.decider';

export class SetPositionStandardCommand extends Command<HandleResult<PositionStandardEvent>> {
  constructor(
    readonly position: string,
    readonly requirements: Requirement[],
    readonly metadata: EventMetadata,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
