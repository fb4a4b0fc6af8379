import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@kompeten/event-store';
import { runProgrammeCommand } from '../run-programme-command';
import { CompleteTrainingCommand } from './complete-training.command';

@CommandHandler(CompleteTrainingCommand)
export class CompleteTrainingHandler implements ICommandHandler<CompleteTrainingCommand> {
  constructor(private readonly store: EventStore) {}

  execute(c: CompleteTrainingCommand) {
    return runProgrammeCommand(
      this.store,
      c.programmeId,
      { type: 'CompleteTraining', nip: c.nip, completedOn: c.completedOn },
      c.metadata,
    );
  }
}
