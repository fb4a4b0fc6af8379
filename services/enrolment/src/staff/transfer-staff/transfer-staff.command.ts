import type { WorkUnit } from '@kompeten/contracts';
import type { EventMetadata } from '@kompeten/event-store';

export class TransferStaffCommand {
  constructor(
    readonly nip: string,
    readonly to: WorkUnit,
    readonly position: string | undefined,
    readonly effectiveOn: string,
    readonly metadata: EventMetadata,
    readonly expectedVersion?: number,
  ) {}
}
