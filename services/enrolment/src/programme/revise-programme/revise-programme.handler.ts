import type { ProgrammeDetails } from '@kompeten/contracts';
import { accepted, reviseProgramme } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { runProgrammeCommand } from '../run-programme-command';
import { sessionsOf } from '../sessions-of';

@Handles(reviseProgramme)
export class ReviseProgrammeHandler implements UseCaseHandler<typeof reviseProgramme> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { programmeId }, body, metadata, expectedVersion }: UseCaseRequest<typeof reviseProgramme>) {
    const result = await runProgrammeCommand(
      this.store,
      programmeId,
      {
        type: 'ReviseProgramme',
        // Only the fields sent: the validated body is the change (a completion rule's minScore may be left out);
        // new sessions name every field, as published ones do.
        changes: (body.sessions ? { ...body, sessions: sessionsOf(body.sessions) } : body) as Partial<ProgrammeDetails>,
        // New seats go to the waitlist; a promotion without a recorded enrolment day is dated today.
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
      { expectedVersion },
    );
    return accepted(result.streamId, result);
  }
}
