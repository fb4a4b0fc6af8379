import type { AssessmentRecordEvent } from '@kompeten/contracts';
import { eventHandler } from '@kompeten/messaging';

/**
 * Keeps `staff_competency_gap` from the assessment topic, as the assessment service judges a gap: the
 * latest recorded assessment of each competency counts (by assessment date, the later record on a tie),
 * and it is a gap when it identified one. A gap names the position it was judged against: the roster
 * shows it only while the staff member still holds that position. (A position standard revised after
 * the assessment shows at the next assessment; the unit gap report is the exact view.)
 */
export const applyToStaffCompetencyGap = eventHandler<AssessmentRecordEvent>({
  AssessmentRecorded: ({ data: d }, tx) =>
    tx.query(
      `insert into staff_competency_gap (nip, competency_code, assessment_id, assessed_on, level)
       values ($1, $2, $3, $4, $5)
       on conflict (nip, competency_code) do update set assessment_id = excluded.assessment_id,
         assessed_on = excluded.assessed_on, level = excluded.level, gap = false, position = null, required_level = null
       where staff_competency_gap.assessed_on <= excluded.assessed_on`,
      [d.nip, d.competencyCode, d.assessmentId, d.assessedOn, d.level],
    ),
  // Appended with its AssessmentRecorded (same stream, same partition): it finds the row that assessment wrote, if it is the latest.
  CompetencyGapIdentified: ({ data: d }, tx) =>
    tx.query(
      `update staff_competency_gap set gap = true, position = $4, required_level = $5
        where nip = $1 and competency_code = $2 and assessment_id = $3`,
      [d.nip, d.competencyCode, d.assessmentId, d.position, d.requiredLevel],
    ),
});
