import { serviceAudit } from '@kompeten/audit';
import { certificateRegisterProjection } from './read-models/certificate-register.projection';
import { enrolmentHistoryProjection } from './read-models/enrolment-history.projection';
import { externalLearningProjection } from './read-models/external-learning.projection';
import { programmeCatalogueProjection } from './read-models/programme-catalogue.projection';
import { staffRosterProjection } from './read-models/staff-roster.projection';
import { JP_CREDITS } from './queries/jp-credits.sql';

/**
 * What an auditor's replay can rebuild from the enrolment service's log (`npm run audit -- replay
 * <name>`, docs/audit/README.md): the very projections the service runs, and what an auditor sees of
 * them. Views are SQL over the tables by the names the service gives them; `$1…` are the params.
 */
export const enrolmentAudit = serviceAudit('enrolment', [
  {
    name: 'training-history',
    description:
      "staff members' training (enrolments with programme titles, attendance, JP) and JP per year (with verified external learning)",
    projections: [enrolmentHistoryProjection, programmeCatalogueProjection, externalLearningProjection],
    params: ['nip'],
    views: [
      {
        name: 'training',
        key: ['enrolment_id'],
        sql: `select h.nip, h.enrolment_id, h.programme_id, c.details->>'title' as title, h.competency_type, h.competency_area, h.status,
                     h.waitlist_reason, h.year, h.jp, h.jp_credited, h.completed_on, h.withdrawal_reason, h.attendance,
                     h.enrolled_at, h.updated_at
                from enrolment_history h left join programme_catalogue c using (programme_id)
               where ($1::text is null or h.nip = $1)`,
      },
      {
        name: 'jp-ledger',
        key: ['nip', 'year'],
        sql: `select nip, year, sum(jp_credited)::int as jp_completed, count(*)::int as completions
                from ${JP_CREDITS} c where ($1::text is null or nip = $1) group by nip, year`,
      },
    ],
  },
  {
    name: 'enrolment-history',
    description: 'one row per enrolment, as the enrolment service keeps it',
    projections: [enrolmentHistoryProjection],
  },
  {
    name: 'external-learning',
    description: 'one row per piece of external learning: recorded, verified (JP credited) or rejected (coded reason)',
    projections: [externalLearningProjection],
  },
  {
    name: 'staff-roster',
    description: 'one row per staff member: unit, position, status (no names)',
    projections: [staffRosterProjection],
  },
  {
    name: 'programme-catalogue',
    description: 'one row per programme with its details and status',
    projections: [programmeCatalogueProjection],
  },
  {
    name: 'certificate-register',
    description: 'one row per certificate: what it attests, the holder’s NIP and unit, revocation (coded; no names)',
    projections: [certificateRegisterProjection],
  },
]);
