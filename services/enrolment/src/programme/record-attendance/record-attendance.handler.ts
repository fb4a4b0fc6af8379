import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@kompeten/event-store';
import { runProgrammeCommand } from '../run-programme-command';
import { RecordAttendanceCommand } from './record-attendance.command';

@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand> {
  constructor(private readonly store: EventStore) {}

  execute(c: RecordAttendanceCommand) {
    return runProgrammeCommand(
      this.store,
      c.programmeId,
      { type: 'RecordAttendance', nip: c.nip, sessionId: c.sessionId, attended: c.attended },
      c.metadata,
    );
  }
}
