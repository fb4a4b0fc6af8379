import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { accepted, scheduleAssessment } from '@kompeten/api';
import { DomainError } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { competencyExists } from '../../competency/competency-exists';
import { staffOnRoster } from '../../read-models/staff-roster.lookup';
import { assessmentRecordStreamId } from '../assessment-record.decider';
import { runRecordCommand } from '../run-record-command';

@Handles(scheduleAssessment)
export class ScheduleAssessmentHandler implements UseCaseHandler<typeof scheduleAssessment> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

  async handle({ params: { nip }, body, metadata }: UseCaseRequest<typeof scheduleAssessment>) {
    const staff = await staffOnRoster(this.db, nip);
    if (staff.status === 'left')
      throw DomainError.conflict('staff-left', 'Staff has left', `NIP ${nip} has left the service`);
    const assessmentId = uuidv7();
    const competencyCode = body.competencyCode ?? null;
    const result = await runRecordCommand(
      this.store,
      {
        type: 'ScheduleAssessment',
        nip,
        assessmentId,
        kind: body.kind,
        competencyCode,
        enrolmentId: body.enrolmentId ?? null,
        dueOn: body.dueOn,
        competencyKnown: competencyCode ? await competencyExists(this.store, competencyCode) : false,
      },
      metadata,
    );
    return { ...accepted(assessmentRecordStreamId(nip), result), assessmentId };
  }
}
