import { accepted, recordStaffDeparture } from '@kompeten/api';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { staffDecider, staffStreamId } from '../staff.decider';

@Handles(recordStaffDeparture)
export class RecordStaffDepartureHandler implements UseCaseHandler<typeof recordStaffDeparture> {
  constructor(private readonly store: EventStore) {}

  async handle({ params: { nip }, body, metadata }: UseCaseRequest<typeof recordStaffDeparture>) {
    const result = await handleCommand(
      this.store,
      staffDecider,
      staffStreamId(nip),
      { type: 'RecordStaffDeparture', nip, reason: body.reason, effectiveOn: body.effectiveOn },
      metadata,
    );
    return accepted(staffStreamId(nip), result);
  }
}
