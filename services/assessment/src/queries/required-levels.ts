import type { DataSource } from 'typeorm';

/** One active staff member × one competency their position requires, with the latest assessed level (null: never assessed). */
export interface RequirementRow {
  nip: string;
  opd: string;
  serviceUnit: string | null;
  position: string;
  competencyCode: string;
  requiredLevel: number;
  assessedLevel: number | null;
  assessedOn: string | null;
}

/** Gap = required − assessed, 0 once the requirement is met; unknown (null) until assessed. */
export const gapOf = (r: Pick<RequirementRow, 'requiredLevel' | 'assessedLevel'>) =>
  r.assessedLevel === null ? null : Math.max(0, r.requiredLevel - r.assessedLevel);

/**
 * Required against assessed level for the staff selected by nip or unit: roster (current position)
 * × position standard × the latest recorded assessment of each required competency.
 */
export async function requirementRows(
  db: DataSource,
  by: { nip: string } | { opd: string; serviceUnit: string | null },
): Promise<RequirementRow[]> {
  const [where, params] =
    'nip' in by
      ? ['s.nip = $1', [by.nip]]
      : ['s.opd = $1 and ($2::text is null or s.service_unit = $2)', [by.opd, by.serviceUnit]];
  const rows = await db.query<
    {
      nip: string;
      opd: string;
      service_unit: string | null;
      position: string;
      competency_code: string;
      required_level: number;
      assessed_level: number | null;
      assessed_on: string | null;
    }[]
  >(
    `
    select s.nip, s.opd, s.service_unit, s.position, r."competencyCode" as competency_code, r.level as required_level,
           latest.level as assessed_level, latest.assessed_on::text as assessed_on
      from staff_roster s
      join position_standard p on p.position_key = s.position_key
      cross join lateral jsonb_to_recordset(p.requirements) as r("competencyCode" text, level int)
      left join lateral (
        select a.level, a.assessed_on from assessments a
         where a.nip = s.nip and a.competency_code = r."competencyCode" and a.status = 'recorded'
         order by a.assessed_on desc, a.updated_at desc limit 1) latest on true
     where s.status = 'active' and ${where}
     order by s.nip, competency_code`,
    params,
  );
  return rows.map((r) => ({
    nip: r.nip,
    opd: r.opd,
    serviceUnit: r.service_unit,
    position: r.position,
    competencyCode: r.competency_code,
    requiredLevel: r.required_level,
    assessedLevel: r.assessed_level,
    assessedOn: r.assessed_on,
  }));
}
