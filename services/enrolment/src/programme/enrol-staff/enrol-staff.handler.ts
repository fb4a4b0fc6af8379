import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { accepted, enrolStaff } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { loadStaff } from '../../staff/load-staff';
import { loadProgrammeState } from '../load-programme';
import { readFundingNeed } from '../read-funding-need';
import { runProgrammeCommand } from '../run-programme-command';

@Handles(enrolStaff)
export class EnrolStaffHandler implements UseCaseHandler<typeof enrolStaff> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { programmeId }, body: { nip, enrolledOn }, metadata }: UseCaseRequest<typeof enrolStaff>) {
    const today = this.calendar.dateOf(this.clock.now());
    // The staff member's current unit is what the budget charges and reports group by.
    const staff = await loadStaff(this.store, nip);
    const day = enrolledOn ?? today;
    // Read once, here: the decider stays pure, and every funds request of this enrolment carries it.
    const { details } = await loadProgrammeState(this.store, programmeId);
    const need = await readFundingNeed(this.db, { staff, programme: details, enrolledOn: day, asOf: today });
    // Concurrent enrolments for the last seat: the loser's append conflicts, handleCommand reloads
    // and decides again, and the programme is now full — so it is waitlisted, never over capacity.
    const result = await runProgrammeCommand(
      this.store,
      programmeId,
      {
        type: 'EnrolStaff',
        enrolmentId: uuidv7(),
        nip,
        workUnit: staff.workUnit,
        staffActive: staff.status === 'active',
        // The city's date closes enrolment after the first session; the enrolment's own date (the
        // request's, default today) dates it: the fiscal year of a programme without sessions, and the
        // earliest self-paced statement.
        today,
        enrolledOn: day,
        need,
      },
      metadata,
    );
    return accepted(result.streamId, result);
  }
}
