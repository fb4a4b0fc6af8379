import { accepted, reviseServiceUnit } from '@kompeten/api';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { serviceUnitDecider, serviceUnitStreamId } from '../service-unit.decider';

@Handles(reviseServiceUnit)
export class ReviseServiceUnitHandler implements UseCaseHandler<typeof reviseServiceUnit> {
  constructor(private readonly store: EventStore) {}

  async handle({ params: { unitCode }, body, metadata, expectedVersion }: UseCaseRequest<typeof reviseServiceUnit>) {
    const streamId = serviceUnitStreamId(unitCode);
    const result = await handleCommand(
      this.store,
      serviceUnitDecider,
      streamId,
      { type: 'ReviseServiceUnit', unitCode, changes: body },
      metadata,
      { expectedVersion },
    );
    return accepted(streamId, result);
  }
}
