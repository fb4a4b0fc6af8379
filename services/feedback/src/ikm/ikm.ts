import { SKM_ELEMENTS, SkmElement, SkmScores } from '@kompeten/contracts';

/** The elements' names (PermenPANRB 14/2017); 6 and 7 are the ones training should move most. */
export const SKM_ELEMENT_NAMES: Record<SkmElement, string> = {
  u1: 'Persyaratan',
  u2: 'Sistem, mekanisme dan prosedur',
  u3: 'Waktu penyelesaian',
  u4: 'Biaya/tarif',
  u5: 'Produk spesifikasi jenis pelayanan',
  u6: 'Kompetensi pelaksana',
  u7: 'Perilaku pelaksana',
  u8: 'Penanganan pengaduan, saran dan masukan',
  u9: 'Sarana dan prasarana',
};

export type IkmGrade = 'A' | 'B' | 'C' | 'D';
export const GRADE_LABELS: Record<IkmGrade, string> = {
  A: 'Sangat baik',
  B: 'Baik',
  C: 'Kurang baik',
  D: 'Tidak baik',
};

/** The IKM of a set of responses: n, NRR per element, the IKM, its two-decimal form and its grade. */
export interface IkmResult {
  responses: number;
  nrr: SkmScores;
  ikm: number;
  /** As published: rounded half-up to two decimals; the grade is read from this. */
  ikmRounded: number;
  grade: IkmGrade;
}

/** Element sums over n responses (what SQL aggregates return). */
export type ElementSums = SkmScores;

/**
 * NRR per element = mean score; IKM = Σ NRR × 1/9 × 25 (exactly 1/9: the regulation prints 0.111,
 * which would make a perfect score 99.9). Null when there are no responses.
 */
export function ikmOf(sums: ElementSums, responses: number): IkmResult | null {
  if (responses <= 0) return null;
  const nrr = Object.fromEntries(SKM_ELEMENTS.map((u) => [u, sums[u] / responses])) as SkmScores;
  // Every response answers all nine elements, so Σ NRR × 1/9 × 25 = 25·S / 9n exactly (S = all
  // scores summed): computed that way there is one rounding, not eighteen, and the two-decimal
  // value is exact at the grade boundaries.
  const total = SKM_ELEMENTS.reduce((s, u) => s + sums[u], 0);
  const ikm = (25 * total) / (9 * responses);
  const ikmRounded = Math.round((2500 * total) / (9 * responses)) / 100;
  return { responses, nrr, ikm, ikmRounded, grade: gradeOf(ikmRounded) };
}

/** Grade of an IKM (25..100), read at two decimals: D < 65.00 ≤ C ≤ 76.60 < B ≤ 88.30 < A. */
export function gradeOf(ikm: number): IkmGrade {
  const hundredths = Math.round(ikm * 100);
  if (hundredths >= 8831) return 'A';
  if (hundredths >= 7661) return 'B';
  if (hundredths >= 6500) return 'C';
  return 'D';
}

/** The sums of a list of responses (for tests and small in-memory sets). */
export function sumScores(responses: SkmScores[]): ElementSums {
  return Object.fromEntries(SKM_ELEMENTS.map((u) => [u, responses.reduce((s, r) => s + r[u], 0)])) as ElementSums;
}
