import { DataSource } from 'typeorm';
import { accepted, requestFundsAgain } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { loadStaff } from '../../staff/load-staff';
import { loadProgrammeState } from '../load-programme';
import { readFundingNeed } from '../read-funding-need';
import { runProgrammeCommand } from '../run-programme-command';

@Handles(requestFundsAgain)
export class RequestFundsAgainHandler implements UseCaseHandler<typeof requestFundsAgain> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { programmeId, nip }, metadata }: UseCaseRequest<typeof requestFundsAgain>) {
    const today = this.calendar.dateOf(this.clock.now());
    const programme = await loadProgrammeState(this.store, programmeId, nip);
    const e = programme.enrolments[nip];
    // The request carries the need stored at enrolment; only an enrolment made before needs were
    // recorded has none, and it gets today's (the decider keeps the stored one whenever there is one).
    const need =
      e && e.need === null
        ? await readFundingNeed(this.db, {
            staff: await loadStaff(this.store, nip),
            programme: programme.details,
            enrolledOn: e.enrolledOn ?? today,
            asOf: today,
          })
        : null;
    const result = await runProgrammeCommand(
      this.store,
      programmeId,
      { type: 'RequestFundsAgain', nip, today, need },
      metadata,
    );
    return accepted(result.streamId, result);
  }
}
