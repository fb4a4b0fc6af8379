import type { EventMetadata } from '@kompeten/event-store';

export class ExpireCertificationsCommand {
  constructor(
    readonly asOf: string | undefined,
    readonly metadata: EventMetadata,
  ) {}
}
