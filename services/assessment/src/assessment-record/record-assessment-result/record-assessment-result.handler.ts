import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { AssessmentRecordEvent } from '@kompeten/contracts';
import { EventStore, fold } from '@kompeten/event-store';
import { Clock } from '@kompeten/platform';
import { AssessmentPolicy } from '../../assessment.policy';
import { requiredLevel } from '../../position-standard/required-level';
import { staffOnRoster } from '../../read-models/staff-roster.lookup';
import { dateOf } from '../../shared/calendar';
import { assessmentRecordDecider, assessmentRecordStreamId } from '../assessment-record.decider';
import { runRecordCommand } from '../run-record-command';
import { RecordAssessmentResultCommand } from './record-assessment-result.command';

@CommandHandler(RecordAssessmentResultCommand)
export class RecordAssessmentResultHandler implements ICommandHandler<RecordAssessmentResultCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly policy: AssessmentPolicy,
  ) {}

  async execute(c: RecordAssessmentResultCommand) {
    const staff = await staffOnRoster(this.db, c.nip);
    // The level is judged against the staff member's current position; the decider refuses an unknown assessment.
    const history = await this.store.readStream<AssessmentRecordEvent>(assessmentRecordStreamId(c.nip));
    const state = fold(
      assessmentRecordDecider,
      history.map(({ type, data }) => ({ type, data }) as AssessmentRecordEvent),
    );
    const competencyCode = state.assessments[c.assessmentId]?.competencyCode ?? '';
    const today = dateOf(this.clock.now());
    return runRecordCommand(
      this.store,
      {
        type: 'RecordAssessmentResult',
        nip: c.nip,
        assessmentId: c.assessmentId,
        assessor: c.assessor,
        method: c.method,
        score: c.score,
        assessedOn: c.assessedOn ?? today,
        today,
        certificationMonths: this.policy.certificationMonths,
        required: await requiredLevel(this.store, staff.position, competencyCode, this.policy.defaultRequiredLevel),
      },
      c.metadata,
    );
  }
}
