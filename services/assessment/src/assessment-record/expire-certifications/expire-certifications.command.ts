import { Command } from '@nestjs/cqrs';
import type { CertificationExpired } from '@kompeten/contracts';
import type { EventMetadata } from '@kompeten/event-store';

export class ExpireCertificationsCommand extends Command<{ asOf: string; expired: CertificationExpired['data'][] }> {
  constructor(
    readonly asOf: string | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
