import { accepted, declineRelease } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { runProgrammeCommand } from '../../programme/run-programme-command';
import { assertOfUnit, enrolmentOf } from '../release-target';
import { loadProgrammeState } from '../../programme/load-programme';

/**
 * The unit head declines a staff member's request, with a coded reason. Decided on the programme
 * (the seat moves on there); nothing on the unit's calendar changes, since nothing was released.
 */
@Handles(declineRelease)
export class DeclineReleaseHandler implements UseCaseHandler<typeof declineRelease> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { opd }, body, metadata, res }: UseCaseRequest<typeof declineRelease>) {
    const { programmeId, nip, reason, note } = body;
    assertOfUnit(nip, enrolmentOf(await loadProgrammeState(this.store, programmeId, nip), nip).workUnit, opd);
    const result = await runProgrammeCommand(
      this.store,
      programmeId,
      { type: 'DeclineEnrolment', nip, reason, note: note ?? null, today: this.calendar.dateOf(this.clock.now()) },
      metadata,
    );
    res.status(result.events.length ? 201 : 200);
    return accepted(result.streamId, result);
  }
}
