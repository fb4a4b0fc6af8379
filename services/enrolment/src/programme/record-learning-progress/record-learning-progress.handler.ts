import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@kompeten/event-store';
import { Clock } from '@kompeten/platform';
import { runProgrammeCommand } from '../run-programme-command';
import { RecordLearningProgressCommand } from './record-learning-progress.command';

@CommandHandler(RecordLearningProgressCommand)
export class RecordLearningProgressHandler implements ICommandHandler<RecordLearningProgressCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  execute(c: RecordLearningProgressCommand) {
    return runProgrammeCommand(
      this.store,
      c.programmeId,
      {
        type: 'RecordLearningProgress',
        nip: c.nip,
        ...c.statement,
        score: c.statement.score ?? null,
        seconds: c.statement.seconds ?? null,
        today: this.clock.now().toISOString().slice(0, 10),
      },
      c.metadata,
    );
  }
}
