import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import type { StaffEvent } from '@kompeten/contracts';
import { EventStore, fold } from '@kompeten/event-store';
import { Clock, DomainProblem } from '@kompeten/platform';
import { staffDecider, staffStreamId } from '../../staff/staff.decider';
import { runProgrammeCommand } from '../run-programme-command';
import { EnrolStaffCommand } from './enrol-staff.command';

@CommandHandler(EnrolStaffCommand)
export class EnrolStaffHandler implements ICommandHandler<EnrolStaffCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute(c: EnrolStaffCommand) {
    // The staff member's current unit is what the budget charges and reports group by.
    const staff = fold(
      staffDecider,
      (await this.store.readStream<StaffEvent>(staffStreamId(c.nip))).map(
        ({ type, data }) => ({ type, data }) as StaffEvent,
      ),
    );
    if (staff.status === 'unknown')
      throw new DomainProblem(404, 'staff-not-found', 'Unknown staff', `no staff member with NIP ${c.nip}`);
    // Concurrent enrolments for the last seat: the loser's append conflicts, handleCommand reloads
    // and decides again, and the programme is now full — so it is waitlisted, never over capacity.
    return runProgrammeCommand(
      this.store,
      c.programmeId,
      {
        type: 'EnrolStaff',
        enrolmentId: uuidv7(),
        nip: c.nip,
        workUnit: staff.workUnit,
        staffActive: staff.status === 'active',
        year: this.clock.now().getUTCFullYear(),
      },
      c.metadata,
    );
  }
}
