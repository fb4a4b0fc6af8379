import { accepted, registerServiceUnit } from '@kompeten/api';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { serviceUnitDecider, serviceUnitStreamId } from '../service-unit.decider';

@Handles(registerServiceUnit)
export class RegisterServiceUnitHandler implements UseCaseHandler<typeof registerServiceUnit> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ body: { unitCode, ...details }, metadata }: UseCaseRequest<typeof registerServiceUnit>) {
    const streamId = serviceUnitStreamId(unitCode);
    const result = await handleCommand(
      this.store,
      serviceUnitDecider,
      streamId,
      { type: 'RegisterServiceUnit', unitCode, details, today: this.calendar.dateOf(this.clock.now()) },
      metadata,
    );
    return accepted(streamId, result);
  }
}
