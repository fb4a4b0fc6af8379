import { accepted, transferStaff } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { staffDecider, staffStreamId } from '../staff.decider';

@Handles(transferStaff)
export class TransferStaffHandler implements UseCaseHandler<typeof transferStaff> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { nip }, body, metadata, expectedVersion }: UseCaseRequest<typeof transferStaff>) {
    const result = await handleCommand(
      this.store,
      staffDecider,
      staffStreamId(nip),
      {
        type: 'TransferStaff',
        nip,
        to: body.to,
        position: body.position,
        effectiveOn: body.effectiveOn,
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
      { expectedVersion },
    );
    return accepted(staffStreamId(nip), result);
  }
}
