import type { WithdrawalReason } from '@kompeten/contracts';
import type { EventMetadata } from '@kompeten/event-store';

export class WithdrawEnrolmentCommand {
  constructor(
    readonly programmeId: string,
    readonly nip: string,
    readonly reason: WithdrawalReason,
    readonly note: string | null,
    readonly metadata: EventMetadata,
  ) {}
}
