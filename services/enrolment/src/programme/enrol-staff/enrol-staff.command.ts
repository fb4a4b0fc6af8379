import type { EventMetadata } from '@kompeten/event-store';

export class EnrolStaffCommand {
  constructor(
    readonly programmeId: string,
    readonly nip: string,
    readonly metadata: EventMetadata,
  ) {}
}
