import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { staffDecider, staffStreamId } from '../staff.decider';
import { TransferStaffCommand } from './transfer-staff.command';

@CommandHandler(TransferStaffCommand)
export class TransferStaffHandler implements ICommandHandler<TransferStaffCommand> {
  constructor(private readonly store: EventStore) {}

  execute(c: TransferStaffCommand) {
    return handleCommand(
      this.store,
      staffDecider,
      staffStreamId(c.nip),
      { type: 'TransferStaff', nip: c.nip, to: c.to, position: c.position, effectiveOn: c.effectiveOn },
      c.metadata,
      { expectedVersion: c.expectedVersion },
    );
  }
}
