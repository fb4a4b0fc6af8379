import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@kompeten/event-store';
import { runProgrammeCommand } from '../run-programme-command';
import { PublishProgrammeCommand } from './publish-programme.command';

@CommandHandler(PublishProgrammeCommand)
export class PublishProgrammeHandler implements ICommandHandler<PublishProgrammeCommand> {
  constructor(private readonly store: EventStore) {}

  execute(c: PublishProgrammeCommand) {
    return runProgrammeCommand(
      this.store,
      c.programmeId,
      { type: 'PublishProgramme', programmeId: c.programmeId, details: c.details },
      c.metadata,
    );
  }
}
