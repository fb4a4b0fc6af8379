import {
  PERIOD_PATTERN,
  type CertificationExpired,
  type CompetencyCertified,
  type CompetencyDefined,
  type ServiceUnitEvent,
  type SurveyPeriodClosed,
} from '@kompeten/contracts';
import { businessDate } from '@kompeten/domain';
import { eventHandler } from '@kompeten/messaging';

type PlanningInput =
  ServiceUnitEvent | SurveyPeriodClosed | CompetencyDefined | CompetencyCertified | CertificationExpired;

/** The last day of a survey period (`2026`, `2026-Q3`, `2026-09`): what orders periods of different lengths. */
export function periodEnd(period: string): string {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) throw new Error(`not a survey period: ${period}`);
  const year = Number(m[1]);
  const lastMonth = m[2] ? Number(m[2]) : m[3] ? Number(m[3]) * 3 : 12;
  return businessDate(year, lastMonth + 1, 0);
}

/**
 * Keeps unit_ikm, staff_certification and known_competency (schema 1767000000000) from the feedback
 * and assessment topics: what the needs analysis (weak SKM elements, expiring certifications), plan
 * lines (known competencies) and by-need funding (the unit's IKM grade) read.
 */
export const applyToPlanningInputs = eventHandler<PlanningInput>({
  ServiceUnitRegistered: ({ data: d }, tx) =>
    tx.query(
      `insert into unit_ikm (unit_code, opd, name, kind) values ($1, $2, $3, $4)
       on conflict (unit_code) do update set opd = excluded.opd, name = excluded.name, kind = excluded.kind`,
      [d.unitCode, d.opd, d.name, d.kind],
    ),
  ServiceUnitRevised: ({ data: d }, tx) =>
    d.changes.name === undefined
      ? Promise.resolve()
      : tx.query('update unit_ikm set name = $2 where unit_code = $1', [d.unitCode, d.changes.name]),
  // The latest period wins: the one ending last (a year closed after its last quarter ends on the same
  // day: then the one closed last). A late-arriving older period changes nothing.
  SurveyPeriodClosed: ({ data: d }, tx) =>
    tx.query(
      `insert into unit_ikm (unit_code, period, period_end, ikm, grade, nrr, responses, closed_on)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (unit_code) do update set period = excluded.period, period_end = excluded.period_end,
         ikm = excluded.ikm, grade = excluded.grade, nrr = excluded.nrr, responses = excluded.responses,
         closed_on = excluded.closed_on
       where unit_ikm.period_end is null
          or (unit_ikm.period_end, unit_ikm.closed_on) <= (excluded.period_end, excluded.closed_on)`,
      [
        d.unitCode,
        d.period,
        periodEnd(d.period),
        d.ikm,
        d.grade,
        d.nrr === null ? null : JSON.stringify(d.nrr),
        d.responses,
        d.closedOn,
      ],
    ),
  CompetencyDefined: ({ data: d }, tx) =>
    tx.query(
      `insert into known_competency (code, name, competency_type) values ($1, $2, $3)
       on conflict (code) do update set name = excluded.name, competency_type = excluded.competency_type`,
      [d.code, d.name, d.competencyType],
    ),
  CompetencyCertified: ({ data: d }, tx) =>
    tx.query(
      `insert into staff_certification (certification_id, nip, competency_code, level, certified_on, expires_on)
       values ($1, $2, $3, $4, $5, $6) on conflict (certification_id) do nothing`,
      [d.certificationId, d.nip, d.competencyCode, d.level, d.certifiedOn, d.expiresOn],
    ),
  // Same stream as its CompetencyCertified (assessment-record-<nip>), so it always finds the row.
  CertificationExpired: ({ data: d }, tx) =>
    tx.query('update staff_certification set expired = true where certification_id = $1', [d.certificationId]),
});
