import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@kompeten/event-store';
import { runProgrammeCommand } from '../run-programme-command';
import { ReviseProgrammeCommand } from './revise-programme.command';

@CommandHandler(ReviseProgrammeCommand)
export class ReviseProgrammeHandler implements ICommandHandler<ReviseProgrammeCommand> {
  constructor(private readonly store: EventStore) {}

  execute(c: ReviseProgrammeCommand) {
    return runProgrammeCommand(
      this.store,
      c.programmeId,
      { type: 'ReviseProgramme', changes: c.changes },
      c.metadata,
      c.expectedVersion,
    );
  }
}
