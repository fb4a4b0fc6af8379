import type { DataSource } from 'typeorm';

/**
 * The manajerial and sosial-kultural competencies of PermenPANRB 38/2017, the same for every agency.
 * A copy of the assessment service's list (services/assessment/src/competency/national-competencies.ts):
 * services share only contracts and topics, and these are regulation, not data that changes.
 */
export const NATIONAL_COMPETENCY_CODES: readonly string[] = [
  'integritas',
  'kerjasama',
  'komunikasi',
  'orientasi-pada-hasil',
  'pelayanan-publik',
  'pengembangan-diri-dan-orang-lain',
  'mengelola-perubahan',
  'pengambilan-keputusan',
  'perekat-bangsa',
];

type Db = Pick<DataSource, 'query'>;

/**
 * Of the codes, those the city does not know: not a national competency, not in the agency's
 * dictionary (known_competency, from CompetencyDefined), and not the area of any published programme
 * (an area a programme names becomes a dictionary entry on demand, but that event may not have
 * arrived yet: the programme itself is proof enough). One query for a whole plan's lines.
 */
export async function unknownCompetencies(db: Db, codes: readonly string[]): Promise<string[]> {
  const asked = [...new Set(codes)].filter((c) => !NATIONAL_COMPETENCY_CODES.includes(c));
  if (asked.length === 0) return [];
  const rows = await db.query<{ code: string }[]>(
    `select code from known_competency where code = any($1::text[])
     union select competency_area from programme_catalogue where competency_area = any($1::text[])`,
    [asked],
  );
  const known = new Set(rows.map((r) => r.code));
  return asked.filter((c) => !known.has(c));
}

/** Whether the city knows a competency code (see unknownCompetencies). */
export async function isKnownCompetency(db: Db, code: string): Promise<boolean> {
  return (await unknownCompetencies(db, [code])).length === 0;
}
