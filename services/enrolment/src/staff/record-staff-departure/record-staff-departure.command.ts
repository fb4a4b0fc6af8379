import { Command } from '@nestjs/cqrs';
import type { DepartureReason, StaffEvent } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class RecordStaffDepartureCommand extends Command<HandleResult<StaffEvent>> {
  constructor(
    readonly nip: string,
    readonly reason: DepartureReason,
    readonly effectiveOn: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
