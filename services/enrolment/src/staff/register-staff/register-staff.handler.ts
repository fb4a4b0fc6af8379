import { accepted, registerStaff } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { staffDecider, staffStreamId } from '../staff.decider';

@Handles(registerStaff)
export class RegisterStaffHandler implements UseCaseHandler<typeof registerStaff> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ body, metadata }: UseCaseRequest<typeof registerStaff>) {
    const { nip, name, employmentType, workUnit, position, registeredOn, positionSince } = body;
    const result = await handleCommand(
      this.store,
      staffDecider,
      staffStreamId(nip),
      {
        type: 'RegisterStaff',
        nip,
        name,
        employmentType,
        workUnit,
        position,
        registeredOn,
        positionSince,
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
      { expectedVersion: 'no-stream', personal: () => ({ subject: `staff:${nip}`, fields: ['name'] }) },
    );
    return accepted(staffStreamId(nip), result);
  }
}
