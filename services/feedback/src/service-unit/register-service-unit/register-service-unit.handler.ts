import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { Clock } from '@kompeten/platform';
import { cityDate } from '../../shared/city-date';
import { serviceUnitDecider, serviceUnitStreamId } from '../service-unit.decider';
import { RegisterServiceUnitCommand } from './register-service-unit.command';

@CommandHandler(RegisterServiceUnitCommand)
export class RegisterServiceUnitHandler implements ICommandHandler<RegisterServiceUnitCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  execute(c: RegisterServiceUnitCommand) {
    return handleCommand(
      this.store,
      serviceUnitDecider,
      serviceUnitStreamId(c.unitCode),
      { type: 'RegisterServiceUnit', unitCode: c.unitCode, details: c.details, today: cityDate(this.clock.now()) },
      c.metadata,
    );
  }
}
