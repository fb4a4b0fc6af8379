import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@kompeten/event-store';
import { runProgrammeCommand } from '../run-programme-command';
import { CancelProgrammeCommand } from './cancel-programme.command';

@CommandHandler(CancelProgrammeCommand)
export class CancelProgrammeHandler implements ICommandHandler<CancelProgrammeCommand> {
  constructor(private readonly store: EventStore) {}

  execute(c: CancelProgrammeCommand) {
    return runProgrammeCommand(this.store, c.programmeId, { type: 'CancelProgramme', reason: c.reason }, c.metadata);
  }
}
