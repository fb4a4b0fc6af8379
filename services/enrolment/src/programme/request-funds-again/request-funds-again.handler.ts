import { accepted, requestFundsAgain } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { programmeStreamId } from '../programme.decider';
import { runProgrammeCommand } from '../run-programme-command';

@Handles(requestFundsAgain)
export class RequestFundsAgainHandler implements UseCaseHandler<typeof requestFundsAgain> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { programmeId, nip }, metadata }: UseCaseRequest<typeof requestFundsAgain>) {
    const result = await runProgrammeCommand(
      this.store,
      programmeId,
      { type: 'RequestFundsAgain', nip, today: this.calendar.dateOf(this.clock.now()) },
      metadata,
    );
    return accepted(programmeStreamId(programmeId), result);
  }
}
