/**
 * Every JP credit a staff member has, whatever the form of development (PP 11/2017 art. 203(4): the
 * 20-JP right counts them all): a Kompeten programme completed (enrolment_history), or external
 * learning an officer verified (external_learning). One row per credit, with the same columns:
 *
 *   source ('programme' | 'external'), source_id (enrolment id | learning id), nip, opd, service_unit
 *   (the unit enrolled in / recorded in), jp_credited, completed_on (date), year (the ledger year of
 *   completion), title (null for a programme: the catalogue has it), competency_area.
 *
 * Every query that sums JP reads this, never enrolment_history alone: the ledger, the 20-JP list, unit
 * summaries, the roster's JP filter, the needs analysis and shortage, by-need funding, development plans.
 * Use it as a table expression: `from ${JP_CREDITS} h`.
 */
export const JP_CREDITS = `(
  select 'programme'::text as source, enrolment_id as source_id, nip, opd, service_unit, jp_credited, completed_on,
         year, null::text as title, competency_area
    from enrolment_history where status = 'completed'
  union all
  select 'external'::text, learning_id, nip, opd, service_unit, jp_credited, completed_on, year, title, competency_area
    from external_learning where status = 'verified')`;
