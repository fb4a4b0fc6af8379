import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { competencyDecider, competencyStreamId } from '../competency.decider';
import { DefineCompetencyCommand } from './define-competency.command';

@CommandHandler(DefineCompetencyCommand)
export class DefineCompetencyHandler implements ICommandHandler<DefineCompetencyCommand> {
  constructor(private readonly store: EventStore) {}

  execute(c: DefineCompetencyCommand) {
    return handleCommand(
      this.store,
      competencyDecider,
      competencyStreamId(c.code),
      {
        type: 'DefineCompetency',
        code: c.code,
        name: c.name,
        description: c.description,
        levelDescriptions: c.levelDescriptions,
      },
      c.metadata,
    );
  }
}
