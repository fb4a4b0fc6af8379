import { DataSource } from 'typeorm';
import type { AssessmentRecordEvent } from '@kompeten/contracts';
import { accepted, recordAssessmentResult } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore, fold } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { AssessmentPolicy } from '../../assessment.policy';
import { requiredLevel } from '../../position-standard/required-level';
import { staffOnRoster } from '../../read-models/staff-roster.lookup';
import { assessmentRecordDecider, assessmentRecordStreamId } from '../assessment-record.decider';
import { runRecordCommand } from '../run-record-command';

@Handles(recordAssessmentResult)
export class RecordAssessmentResultHandler implements UseCaseHandler<typeof recordAssessmentResult> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
    private readonly policy: AssessmentPolicy,
  ) {}

  async handle({ params: { nip, assessmentId }, body, metadata }: UseCaseRequest<typeof recordAssessmentResult>) {
    const staff = await staffOnRoster(this.db, nip);
    // The level is judged against the staff member's current position; the decider refuses an unknown assessment.
    const history = await this.store.readStream<AssessmentRecordEvent>(assessmentRecordStreamId(nip));
    const state = fold(
      assessmentRecordDecider,
      history.map(({ type, data }) => ({ type, data }) as AssessmentRecordEvent),
    );
    const competencyCode = state.assessments[assessmentId]?.competencyCode ?? '';
    // The city's date (at 03:00 WIB the UTC date is still yesterday): a result dated today is never "after today".
    const today = this.calendar.dateOf(this.clock.now());
    const result = await runRecordCommand(
      this.store,
      {
        type: 'RecordAssessmentResult',
        nip,
        assessmentId,
        assessor: body.assessor,
        method: body.method,
        score: body.score,
        assessedOn: body.assessedOn ?? today,
        today,
        certificationMonths: this.policy.certificationMonths,
        scoreLevels: this.policy.scoreLevels,
        required: await requiredLevel(this.store, staff.position, competencyCode, this.policy.defaultRequiredLevel),
      },
      metadata,
    );
    return accepted(assessmentRecordStreamId(nip), result);
  }
}
