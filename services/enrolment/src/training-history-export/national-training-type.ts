import type { CompetencyType, ExternalLearningForm, ProgrammeForm } from '@kompeten/contracts';

/**
 * The national ASN information system's (SIASN, BKN) kinds of training ("jenis diklat") as its
 * training-history resource takes them: an id, a name, and the certificate kind it files them under
 * (jenisKursusSertipikat: T teknis, F fungsional, P other, - structural/managerial/socio-cultural).
 * *Unverified*: taken from public SIASN integrations by local governments, not from a BKN reference
 * document; BKN may add kinds or renumber. Kept as data here so that correcting it is one edit.
 */
export const NATIONAL_TRAINING_TYPES = {
  structural: { id: '1', name: 'Diklat Struktural', certificateKind: '-' },
  functional: { id: '2', name: 'Diklat Fungsional', certificateKind: 'F' },
  technical: { id: '3', name: 'Diklat Teknis', certificateKind: 'T' },
  workshop: { id: '4', name: 'Workshop', certificateKind: 'P' },
  managerial: { id: '5', name: 'Pelatihan Manajerial', certificateKind: '-' },
  socioCultural: { id: '6', name: 'Pelatihan Sosial Kultural', certificateKind: '-' },
  socialisation: { id: '7', name: 'Sosialisasi', certificateKind: 'P' },
  bimtek: { id: '8', name: 'Bimbingan Teknis', certificateKind: 'P' },
  seminar: { id: '9', name: 'Seminar', certificateKind: 'P' },
  magang: { id: '10', name: 'Magang', certificateKind: 'P' },
} as const;

export type NationalTrainingType = (typeof NATIONAL_TRAINING_TYPES)[keyof typeof NATIONAL_TRAINING_TYPES];

/**
 * How sure the mapping is: `direct` — the national list has this very kind (a seminar is a seminar);
 * `by-competency` — training whose kind the national list names by its competency type (teknis →
 * Diklat Teknis, manajerial → Pelatihan Manajerial, sosial-kultural → Pelatihan Sosial Kultural);
 * `nearest` — the national list has no such form (coaching, mentoring, self-study, benchmarking,
 * secondment, learning community): filed by competency type, for the officer to check before upload.
 */
export type MappingBasis = 'direct' | 'by-competency' | 'nearest';

/** By competency type; unknown (external learning recorded without one) counts as teknis. */
export function byCompetency(type: CompetencyType | null): NationalTrainingType {
  if (type === 'manajerial') return NATIONAL_TRAINING_TYPES.managerial;
  if (type === 'sosial-kultural') return NATIONAL_TRAINING_TYPES.socioCultural;
  return NATIONAL_TRAINING_TYPES.technical;
}

/** A Kompeten programme: magang is a national kind of its own; every other form is training of its competency type. */
export function programmeTrainingType(
  form: ProgrammeForm | null,
  competencyType: CompetencyType | null,
): { type: NationalTrainingType; basis: MappingBasis } {
  if (form === 'magang') return { type: NATIONAL_TRAINING_TYPES.magang, basis: 'direct' };
  return { type: byCompetency(competencyType), basis: 'by-competency' };
}

const DIRECT: Partial<Record<ExternalLearningForm, NationalTrainingType>> = {
  seminar: NATIONAL_TRAINING_TYPES.seminar,
  workshop: NATIONAL_TRAINING_TYPES.workshop,
  bimtek: NATIONAL_TRAINING_TYPES.bimtek,
  magang: NATIONAL_TRAINING_TYPES.magang,
};
/** Courses and e-learning are training: their kind follows the competency type, as for a programme. */
const TRAINING: readonly ExternalLearningForm[] = ['course', 'e-learning', 'distance-training'];

/** Verified external learning, by its LAN 10/2018 form. */
export function externalTrainingType(
  form: ExternalLearningForm,
  competencyType: CompetencyType | null,
): { type: NationalTrainingType; basis: MappingBasis } {
  const direct = DIRECT[form];
  if (direct) return { type: direct, basis: 'direct' };
  return { type: byCompetency(competencyType), basis: TRAINING.includes(form) ? 'by-competency' : 'nearest' };
}
