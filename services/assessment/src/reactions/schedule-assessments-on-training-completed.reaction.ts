import type { QueryRunner } from 'typeorm';
import type { TrainingCompleted } from '@kompeten/contracts';
import type { EventMetadata, EventStore } from '@kompeten/event-store';
import type { AssessmentPolicy } from '../assessment.policy';
import { runRecordCommand } from '../assessment-record/run-record-command';
import { competencyOfProgramme } from './programme-competency';

/** ScheduleAssessmentsOnTrainingCompleted: the post-assessment (learning) and the on-the-job follow-up (behaviour), dated from completion. */
export async function scheduleAssessmentsOnTrainingCompleted(
  store: EventStore,
  tx: QueryRunner,
  d: TrainingCompleted['data'],
  policy: AssessmentPolicy,
  metadata: EventMetadata,
): Promise<void> {
  const competencyCode = await competencyOfProgramme(store, tx, d.competencyType, d.competencyArea, metadata);
  if (!competencyCode) return;
  await runRecordCommand(
    store,
    {
      type: 'ScheduleAfterTraining',
      nip: d.nip,
      enrolmentId: d.enrolmentId,
      programmeId: d.programmeId,
      competencyCode,
      completedOn: d.completedOn,
      postDueDays: policy.postDueDays,
      followUpMonths: policy.followUpMonths,
    },
    metadata,
    { tx },
  );
}
