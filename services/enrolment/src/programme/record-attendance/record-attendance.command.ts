import type { EventMetadata } from '@kompeten/event-store';

export class RecordAttendanceCommand {
  constructor(
    readonly programmeId: string,
    readonly nip: string,
    readonly sessionId: string,
    readonly attended: boolean,
    readonly metadata: EventMetadata,
  ) {}
}
