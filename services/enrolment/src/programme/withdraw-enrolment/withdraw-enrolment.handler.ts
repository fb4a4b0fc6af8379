import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@kompeten/event-store';
import { Clock } from '@kompeten/platform';
import { runProgrammeCommand } from '../run-programme-command';
import { WithdrawEnrolmentCommand } from './withdraw-enrolment.command';

@CommandHandler(WithdrawEnrolmentCommand)
export class WithdrawEnrolmentHandler implements ICommandHandler<WithdrawEnrolmentCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  execute(c: WithdrawEnrolmentCommand) {
    return runProgrammeCommand(
      this.store,
      c.programmeId,
      {
        type: 'WithdrawEnrolment',
        nip: c.nip,
        reason: c.reason,
        note: c.note,
        year: this.clock.now().getUTCFullYear(),
      },
      c.metadata,
    );
  }
}
