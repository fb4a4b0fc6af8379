import type { CompetencyType } from '@kompeten/contracts';

export interface NationalCompetency {
  code: string;
  name: string;
  competencyType: CompetencyType;
}

/**
 * The manajerial and sosial-kultural competencies of PermenPANRB 38/2017, the same for every agency:
 * fixed here (regulation, not agency data), listed in the dictionary beside the agency's teknis ones.
 * Codes are the slugs of the names, so a programme's competency area may name either.
 */
export const NATIONAL_COMPETENCIES: NationalCompetency[] = [
  { code: 'integritas', name: 'Integritas', competencyType: 'manajerial' },
  { code: 'kerjasama', name: 'Kerjasama', competencyType: 'manajerial' },
  { code: 'komunikasi', name: 'Komunikasi', competencyType: 'manajerial' },
  { code: 'orientasi-pada-hasil', name: 'Orientasi pada hasil', competencyType: 'manajerial' },
  { code: 'pelayanan-publik', name: 'Pelayanan publik', competencyType: 'manajerial' },
  { code: 'pengembangan-diri-dan-orang-lain', name: 'Pengembangan diri dan orang lain', competencyType: 'manajerial' },
  { code: 'mengelola-perubahan', name: 'Mengelola perubahan', competencyType: 'manajerial' },
  { code: 'pengambilan-keputusan', name: 'Pengambilan keputusan', competencyType: 'manajerial' },
  { code: 'perekat-bangsa', name: 'Perekat bangsa', competencyType: 'sosial-kultural' },
];

export const nationalCompetency = (code: string) => NATIONAL_COMPETENCIES.find((c) => c.code === code);
