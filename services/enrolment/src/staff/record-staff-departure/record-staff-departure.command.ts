import type { DepartureReason } from '@kompeten/contracts';
import type { EventMetadata } from '@kompeten/event-store';

export class RecordStaffDepartureCommand {
  constructor(
    readonly nip: string,
    readonly reason: DepartureReason,
    readonly effectiveOn: string,
    readonly metadata: EventMetadata,
  ) {}
}
