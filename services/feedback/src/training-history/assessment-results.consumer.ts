import type { QueryRunner } from 'typeorm';
import type { AssessmentRecorded } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';

export const ASSESSMENT_RESULT_EVENTS = ['AssessmentRecorded'];

/**
 * Keeps fb_assessment_result. The learning gain is the assessment service's own figure (post level
 * minus pre level for the same enrolment); this service does not recompute it.
 */
export async function applyAssessmentResult(stored: StoredEvent, tx: QueryRunner): Promise<void> {
  if (stored.type !== 'AssessmentRecorded') return;
  const d = stored.data as AssessmentRecorded['data'];
  await tx.query(
    `insert into fb_assessment_result (assessment_id, nip, kind, competency_code, enrolment_id, programme_id, score, level, learning_gain, assessed_on)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (assessment_id) do nothing`,
    [
      d.assessmentId,
      d.nip,
      d.kind,
      d.competencyCode ?? null,
      d.enrolmentId ?? null,
      d.programmeId ?? null,
      d.score ?? null,
      d.level ?? null,
      d.learningGain ?? null,
      d.assessedOn,
    ],
  );
}
