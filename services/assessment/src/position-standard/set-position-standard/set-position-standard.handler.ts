import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { competencyExists } from '../../competency/competency-exists';
import { positionStandardDecider, positionStandardStreamId } from '../position-standard.decider';
import { positionKey } from '../required-level';
import { SetPositionStandardCommand } from './set-position-standard.command';

@CommandHandler(SetPositionStandardCommand)
export class SetPositionStandardHandler implements ICommandHandler<SetPositionStandardCommand> {
  constructor(private readonly store: EventStore) {}

  async execute(c: SetPositionStandardCommand) {
    const codes = [...new Set(c.requirements.map((r) => r.competencyCode))];
    const known = await Promise.all(codes.map((code) => competencyExists(this.store, code)));
    const key = positionKey(c.position);
    return handleCommand(
      this.store,
      positionStandardDecider,
      positionStandardStreamId(key),
      {
        type: 'SetPositionStandard',
        positionKey: key,
        position: c.position,
        requirements: c.requirements,
        unknownCodes: codes.filter((_, i) => !known[i]),
      },
      c.metadata,
      { expectedVersion: c.expectedVersion },
    );
  }
}
