import type { DataSource } from 'typeorm';
import type { CompetencyType } from '@kompeten/contracts';
import { NATIONAL_COMPETENCIES } from '../competency/national-competencies';

export interface CompetencyEntry {
  code: string;
  name: string;
  competencyType: CompetencyType;
  source: 'PermenPANRB 38/2017' | 'agency' | 'on-demand';
  description: string | null;
  levelDescriptions: string[] | null;
}

/** The whole dictionary: the national competencies, then the agency's teknis ones. */
export async function competencyDictionary(db: DataSource): Promise<CompetencyEntry[]> {
  const teknis: Record<string, unknown>[] = await db.query('select * from competency_dictionary order by code');
  return [
    ...NATIONAL_COMPETENCIES.map((c) => ({
      ...c,
      source: 'PermenPANRB 38/2017' as const,
      description: null,
      levelDescriptions: null,
    })),
    ...teknis.map((r) => ({
      code: r.code as string,
      name: r.name as string,
      competencyType: r.competency_type as CompetencyType,
      source: r.origin as 'agency' | 'on-demand',
      description: r.description as string | null,
      levelDescriptions: r.level_descriptions as string[] | null,
    })),
  ];
}

export async function competencyNames(db: DataSource): Promise<Map<string, string>> {
  return new Map((await competencyDictionary(db)).map((c) => [c.code, c.name]));
}
