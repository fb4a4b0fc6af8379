import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import type { LearningEvidence } from '@kompeten/contracts';
import { accepted, recordExternalLearning, type LearningEvidenceDto } from '@kompeten/api';
import { CityCalendar, DomainError } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { unknownCompetencies } from '../../planning/known-competency';
import { loadStaff } from '../../staff/load-staff';
import { runExternalLearningCommand } from '../run-external-learning-command';

/** The API validated that exactly one of the two is there. */
const evidenceOf = (e: LearningEvidenceDto): LearningEvidence =>
  e.url !== undefined
    ? { kind: 'url', url: e.url }
    : { kind: 'document', reference: e.reference!, sha256: e.sha256!.toLowerCase() };

/** The staff member (or an officer for them) records learning done outside the catalogue: no JP until verified. */
@Handles(recordExternalLearning)
export class RecordExternalLearningHandler implements UseCaseHandler<typeof recordExternalLearning> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { nip }, body, metadata }: UseCaseRequest<typeof recordExternalLearning>) {
    const staff = await loadStaff(this.store, nip);
    // The city's competencies are a read model, so checked here and not in the decider.
    if (body.competencyArea && (await unknownCompetencies(this.db, [body.competencyArea])).length)
      throw DomainError.invalid('competencyArea', `${body.competencyArea} is not a competency the city knows`);
    const learningId = uuidv7();
    const { streamId, result } = await runExternalLearningCommand(
      this.store,
      {
        type: 'RecordExternalLearning',
        learningId,
        nip,
        workUnit: staff.workUnit,
        staffActive: staff.status === 'active',
        form: body.form,
        title: body.title,
        provider: body.provider,
        startDate: body.startDate,
        endDate: body.endDate,
        minutes: body.minutes ?? Math.round(body.hours! * 60),
        evidence: evidenceOf(body.evidence),
        providerCertificateNumber: body.providerCertificateNumber ?? null,
        competencyType: body.competencyType ?? null,
        competencyArea: body.competencyArea ?? null,
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
    );
    return { ...accepted(streamId, result), learningId };
  }
}
