import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { EventStore } from '@kompeten/event-store';
import { DomainProblem } from '@kompeten/platform';
import { competencyExists } from '../../competency/competency-exists';
import { staffOnRoster } from '../../read-models/staff-roster.lookup';
import { runRecordCommand } from '../run-record-command';
import { ScheduleAssessmentCommand } from './schedule-assessment.command';

@CommandHandler(ScheduleAssessmentCommand)
export class ScheduleAssessmentHandler implements ICommandHandler<ScheduleAssessmentCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

  async execute(c: ScheduleAssessmentCommand) {
    const staff = await staffOnRoster(this.db, c.nip);
    if (staff.status === 'left')
      throw new DomainProblem(409, 'staff-left', 'Staff has left', `NIP ${c.nip} has left the service`);
    const assessmentId = uuidv7();
    const result = await runRecordCommand(
      this.store,
      {
        type: 'ScheduleAssessment',
        nip: c.nip,
        assessmentId,
        kind: c.kind,
        competencyCode: c.competencyCode,
        enrolmentId: c.enrolmentId,
        dueOn: c.dueOn,
        competencyKnown: c.competencyCode ? await competencyExists(this.store, c.competencyCode) : false,
      },
      c.metadata,
    );
    return { ...result, assessmentId };
  }
}
