import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { serviceUnitDecider, serviceUnitStreamId } from '../service-unit.decider';
import { ReviseServiceUnitCommand } from './revise-service-unit.command';

@CommandHandler(ReviseServiceUnitCommand)
export class ReviseServiceUnitHandler implements ICommandHandler<ReviseServiceUnitCommand> {
  constructor(private readonly store: EventStore) {}

  execute(c: ReviseServiceUnitCommand) {
    return handleCommand(
      this.store,
      serviceUnitDecider,
      serviceUnitStreamId(c.unitCode),
      { type: 'ReviseServiceUnit', unitCode: c.unitCode, changes: c.changes },
      c.metadata,
      { expectedVersion: c.expectedVersion },
    );
  }
}
