import { Command } from '@nestjs/cqrs';
import type { ProgrammeEvent, WithdrawalReason } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class WithdrawEnrolmentCommand extends Command<HandleResult<ProgrammeEvent>> {
  constructor(
    readonly programmeId: string,
    readonly nip: string,
    readonly reason: WithdrawalReason,
    readonly note: string | null,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
