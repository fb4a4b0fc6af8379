import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@kompeten/event-store';
import { runProgrammeCommand } from '../run-programme-command';
import { RecordNonCompletionCommand } from './record-non-completion.command';

@CommandHandler(RecordNonCompletionCommand)
export class RecordNonCompletionHandler implements ICommandHandler<RecordNonCompletionCommand> {
  constructor(private readonly store: EventStore) {}

  execute(c: RecordNonCompletionCommand) {
    return runProgrammeCommand(
      this.store,
      c.programmeId,
      { type: 'RecordNonCompletion', nip: c.nip, reason: c.reason },
      c.metadata,
    );
  }
}
