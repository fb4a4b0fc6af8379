import type { DataSource } from 'typeorm';
import type { SkmScores } from '@kompeten/contracts';
import { JP_CREDITS } from '../../queries/jp-credits.sql';
import type { NeedsInputs } from '../needs-analysis';

type Db = Pick<DataSource, 'query'>;

export interface UnitRow {
  unitCode: string;
  kind: string | null;
  period: string | null;
  ikm: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | null;
  nrr: SkmScores | null;
}

/**
 * What the needs analysis of an OPD and year reads from the read models. Staff: active, registered by
 * the end of the year, with the JP credited in it as the JP ledger counts them (jp-ledger.ts: by year
 * of completion; programmes and verified external learning, jp-credits.sql.ts). Gaps: only those judged against the position the staff member still holds.
 * Certifications: the last valid day (expires_on − 1) in the year, and no later one of the same
 * competency for the same person (a renewal).
 */
export async function readNeedsInputs(
  db: Db,
  opd: string,
  year: number,
): Promise<Omit<NeedsInputs, 'costPerJp' | 'units'> & { units: UnitRow[] }> {
  const [staff, gaps, units, expiring] = await Promise.all([
    db.query<NeedsInputs['staff']>(
      `select s.nip, s.employment_type as "employmentType", s.service_unit as "serviceUnit",
              coalesce(sum(h.jp_credited), 0)::int as "jpCredited"
         from staff_roster s left join ${JP_CREDITS} h
           on h.nip = s.nip and extract(year from h.completed_on) = $2::int
        where s.status = 'active' and s.opd = $1 and s.registered_on <= make_date($2::int, 12, 31)
        group by s.nip, s.employment_type, s.service_unit`,
      [opd, year],
    ),
    db.query<NeedsInputs['gaps']>(
      `select g.nip, g.competency_code as "competencyCode", (g.required_level - g.level)::int as gap
         from staff_competency_gap g join staff_roster s on s.nip = g.nip and s.position = g.position
        where g.gap and s.status = 'active' and s.opd = $1`,
      [opd],
    ),
    db.query<UnitRow[]>(
      `select unit_code as "unitCode", kind, period, ikm::float8 as ikm, grade, nrr
         from unit_ikm where opd = $1 order by unit_code`,
      [opd],
    ),
    db.query<NeedsInputs['expiring']>(
      `select c.nip, c.competency_code as "competencyCode", c.expires_on::text as "expiresOn"
         from staff_certification c join staff_roster s on s.nip = c.nip
        where s.status = 'active' and s.opd = $1
          and c.expires_on > make_date($2::int, 1, 1) and c.expires_on <= make_date($2::int + 1, 1, 1)
          and not exists (select 1 from staff_certification r
                           where r.nip = c.nip and r.competency_code = c.competency_code and r.expires_on > c.expires_on)`,
      [opd, year],
    ),
  ]);
  return { staff, gaps, units, expiring };
}
