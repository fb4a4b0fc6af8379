import { accepted, registerStaff } from '@kompeten/api';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { staffDecider, staffStreamId } from '../staff.decider';

@Handles(registerStaff)
export class RegisterStaffHandler implements UseCaseHandler<typeof registerStaff> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async handle({ body, metadata }: UseCaseRequest<typeof registerStaff>) {
    const { nip, name, employmentType, workUnit, position } = body;
    const today = this.clock.now().toISOString().slice(0, 10);
    const result = await handleCommand(
      this.store,
      staffDecider,
      staffStreamId(nip),
      { type: 'RegisterStaff', nip, name, employmentType, workUnit, position, today },
      metadata,
      { expectedVersion: 'no-stream', personal: () => ({ subject: `staff:${nip}`, fields: ['name'] }) },
    );
    return accepted(staffStreamId(nip), result);
  }
}
