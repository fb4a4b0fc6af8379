import type { AssessmentRecorded } from '@kompeten/contracts';
import { eventHandler } from '@kompeten/messaging';

/**
 * Keeps fb_assessment_result. The learning gain is the assessment service's own figure (post level
 * minus pre level for the same enrolment); this service does not recompute it.
 */
export const applyAssessmentResult = eventHandler<AssessmentRecorded>({
  AssessmentRecorded: ({ data: d }, tx) =>
    tx.query(
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
    ),
});
