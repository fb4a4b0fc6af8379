import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { staffDecider, staffStreamId } from '../staff.decider';
import { RecordStaffDepartureCommand } from './record-staff-departure.command';

@CommandHandler(RecordStaffDepartureCommand)
export class RecordStaffDepartureHandler implements ICommandHandler<RecordStaffDepartureCommand> {
  constructor(private readonly store: EventStore) {}

  execute(c: RecordStaffDepartureCommand) {
    return handleCommand(
      this.store,
      staffDecider,
      staffStreamId(c.nip),
      { type: 'RecordStaffDeparture', nip: c.nip, reason: c.reason, effectiveOn: c.effectiveOn },
      c.metadata,
    );
  }
}
