import { Command } from '@nestjs/cqrs';
import type { StaffEvent, WorkUnit } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class TransferStaffCommand extends Command<HandleResult<StaffEvent>> {
  constructor(
    readonly nip: string,
    readonly to: WorkUnit,
    readonly position: string | undefined,
    readonly effectiveOn: string,
    readonly metadata: EventMetadata,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
