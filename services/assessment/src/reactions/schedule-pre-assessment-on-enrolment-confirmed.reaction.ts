import type { QueryRunner } from 'typeorm';
import type { CompetencyType, EnrolmentConfirmed, StaffEnrolled } from '@kompeten/contracts';
import type { EventMetadata, EventStore } from '@kompeten/event-store';
import type { AssessmentPolicy } from '../assessment.policy';
import { runRecordCommand } from '../assessment-record/run-record-command';
import { competencyOfProgramme } from './programme-competency';

/** StaffEnrolled carries the programme's competency; EnrolmentConfirmed, which follows on the same partition, does not. */
export async function rememberCompetencyOnStaffEnrolled(tx: QueryRunner, d: StaffEnrolled['data']): Promise<void> {
  await tx.query(
    `insert into enrolment_competency (enrolment_id, programme_id, nip, competency_type, competency_area) values ($1, $2, $3, $4, $5)
    on conflict (enrolment_id) do update set competency_type = excluded.competency_type, competency_area = excluded.competency_area`,
    [d.enrolmentId, d.programmeId, d.nip, d.competencyType, d.competencyArea],
  );
}

/** SchedulePreAssessmentOnEnrolmentConfirmed: the baseline of the learning gain, due days after confirmation. */
export async function schedulePreAssessmentOnEnrolmentConfirmed(
  store: EventStore,
  tx: QueryRunner,
  d: EnrolmentConfirmed['data'],
  confirmedOn: string,
  policy: AssessmentPolicy,
  metadata: EventMetadata,
): Promise<void> {
  const [enrolment] = await tx.manager.query<{ competency_type: CompetencyType; competency_area: string }[]>(
    'select competency_type, competency_area from enrolment_competency where enrolment_id = $1',
    [d.enrolmentId],
  );
  if (!enrolment) return; // an enrolment from before this service listened: nothing known to assess
  const competencyCode = await competencyOfProgramme(
    store,
    tx,
    enrolment.competency_type,
    enrolment.competency_area,
    metadata,
  );
  if (!competencyCode) return;
  await runRecordCommand(
    store,
    {
      type: 'SchedulePreAssessment',
      nip: d.nip,
      enrolmentId: d.enrolmentId,
      programmeId: d.programmeId,
      competencyCode,
      confirmedOn,
      preDueDays: policy.preDueDays,
    },
    metadata,
    { tx },
  );
}
