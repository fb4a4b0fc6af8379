import { accepted, withdrawEnrolment } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { runProgrammeCommand } from '../run-programme-command';

@Handles(withdrawEnrolment)
export class WithdrawEnrolmentHandler implements UseCaseHandler<typeof withdrawEnrolment> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { programmeId, nip }, body, metadata }: UseCaseRequest<typeof withdrawEnrolment>) {
    const result = await runProgrammeCommand(
      this.store,
      programmeId,
      {
        type: 'WithdrawEnrolment',
        nip,
        reason: body.reason,
        note: body.note ?? null,
        // The freed seat goes to the next in line; a promotion without a recorded enrolment day is dated today.
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
    );
    return accepted(result.streamId, result);
  }
}
