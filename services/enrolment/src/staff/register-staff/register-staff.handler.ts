import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { Clock } from '@kompeten/platform';
import { staffDecider, staffStreamId } from '../staff.decider';
import { RegisterStaffCommand } from './register-staff.command';

@CommandHandler(RegisterStaffCommand)
export class RegisterStaffHandler implements ICommandHandler<RegisterStaffCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  execute(c: RegisterStaffCommand) {
    const today = this.clock.now().toISOString().slice(0, 10);
    return handleCommand(
      this.store,
      staffDecider,
      staffStreamId(c.nip),
      {
        type: 'RegisterStaff',
        nip: c.nip,
        name: c.name,
        employmentType: c.employmentType,
        workUnit: c.workUnit,
        position: c.position,
        today,
      },
      c.metadata,
      { expectedVersion: 'no-stream', personal: () => ({ subject: `staff:${c.nip}`, fields: ['name'] }) },
    );
  }
}
