import { DEFAULT_ATTENDANCE_THRESHOLD } from '@kompeten/contracts';
import { accepted, publishProgramme } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { runProgrammeCommand } from '../run-programme-command';
import { sessionsOf } from '../sessions-of';

@Handles(publishProgramme)
export class PublishProgrammeHandler implements UseCaseHandler<typeof publishProgramme> {
  constructor(private readonly store: EventStore) {}

  async handle({ body, metadata }: UseCaseRequest<typeof publishProgramme>) {
    const { programmeId, ...details } = body;
    const result = await runProgrammeCommand(
      this.store,
      programmeId,
      {
        type: 'PublishProgramme',
        programmeId,
        details: {
          ...details,
          universityPartner: details.universityPartner ?? null,
          sessions: sessionsOf(details.sessions),
          completionRule: details.completionRule
            ? { modules: details.completionRule.modules, minScore: details.completionRule.minScore ?? null }
            : null,
          fiscalYear: details.fiscalYear ?? null,
          attendanceThreshold: details.attendanceThreshold ?? DEFAULT_ATTENDANCE_THRESHOLD,
          lateEnrolment: details.lateEnrolment ?? false,
          // Sessions take staff away from their duty, so their unit head releases them; a self-paced course does not.
          releaseRequired: details.releaseRequired ?? details.sessions.length > 0,
        },
      },
      metadata,
    );
    return accepted(result.streamId, result);
  }
}
