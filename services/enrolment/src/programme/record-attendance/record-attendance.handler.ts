import { accepted, recordAttendance } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { runProgrammeCommand } from '../run-programme-command';

@Handles(recordAttendance)
export class RecordAttendanceHandler implements UseCaseHandler<typeof recordAttendance> {
  constructor(private readonly store: EventStore) {}

  async handle({ params: { programmeId, nip }, body, metadata }: UseCaseRequest<typeof recordAttendance>) {
    const result = await runProgrammeCommand(
      this.store,
      programmeId,
      { type: 'RecordAttendance', nip, sessionId: body.sessionId, attended: body.attended },
      metadata,
    );
    return accepted(result.streamId, result);
  }
}
