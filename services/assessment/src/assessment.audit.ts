import { serviceAudit } from '@kompeten/audit';
import { assessmentsProjection } from './read-models/assessments.projection';
import { certificationsProjection } from './read-models/certifications.projection';
import { competencyDictionaryProjection } from './read-models/competency-dictionary.projection';
import { positionStandardProjection } from './read-models/position-standard.projection';

/**
 * What an auditor's replay can rebuild from the assessment service's log (`npm run audit -- replay
 * <name>`, docs/audit/README.md): the very projections the service runs. With no views of their own,
 * an auditor sees each projection's table as the service keeps it, keyed by its primary key.
 */
export const assessmentAudit = serviceAudit('assessment', [
  {
    name: 'assessment-records',
    description:
      'one row per assessment (when due, its result or why it was dropped) and per certification (valid, superseded or expired)',
    projections: [assessmentsProjection, certificationsProjection],
  },
  {
    name: 'competency-standards',
    description: "the agency's own competencies and the levels each position requires",
    projections: [competencyDictionaryProjection, positionStandardProjection],
  },
]);
