import { accepted, recordStaffDeparture } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { staffDecider, staffStreamId } from '../staff.decider';

@Handles(recordStaffDeparture)
export class RecordStaffDepartureHandler implements UseCaseHandler<typeof recordStaffDeparture> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { nip }, body, metadata }: UseCaseRequest<typeof recordStaffDeparture>) {
    const result = await handleCommand(
      this.store,
      staffDecider,
      staffStreamId(nip),
      {
        type: 'RecordStaffDeparture',
        nip,
        reason: body.reason,
        effectiveOn: body.effectiveOn,
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
    );
    return accepted(staffStreamId(nip), result);
  }
}
