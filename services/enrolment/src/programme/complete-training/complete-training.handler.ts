import { accepted, completeTraining } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { runProgrammeCommand } from '../run-programme-command';

@Handles(completeTraining)
export class CompleteTrainingHandler implements UseCaseHandler<typeof completeTraining> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { programmeId, nip }, body, metadata }: UseCaseRequest<typeof completeTraining>) {
    const override = body.attendanceOverride;
    const result = await runProgrammeCommand(
      this.store,
      programmeId,
      {
        type: 'CompleteTraining',
        nip,
        completedOn: body.completedOn,
        attendanceOverride: override ? { reason: override.reason, note: override.note ?? null } : null,
        // A completion is never dated after the city's today.
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
    );
    return accepted(result.streamId, result);
  }
}
