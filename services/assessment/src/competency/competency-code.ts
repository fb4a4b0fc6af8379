import type { CompetencyType } from '@kompeten/contracts';
import { slug } from '../shared/slug';
import { nationalCompetency } from './national-competencies';

/**
 * Which competency a programme assesses, from the competency type and area that enrolment events carry:
 * - manajerial / sosial-kultural: the national competency the area names ('Orientasi pada hasil' or
 *   'orientasi-pada-hasil'); an area naming none of them is not assessed (null);
 * - teknis: the teknis competency whose code is the area's slug ('Manajemen pasien' → 'manajemen-pasien'),
 *   created on demand unless the agency defined it first; an area that slugs to a national code is
 *   prefixed 'teknis-' (national codes are reserved).
 */
export function competencyForProgramme(competencyType: CompetencyType, competencyArea: string): string | null {
  const key = slug(competencyArea);
  if (!key) return null;
  if (competencyType !== 'teknis') return nationalCompetency(key)?.competencyType === competencyType ? key : null;
  return nationalCompetency(key) ? `teknis-${key}` : key;
}
