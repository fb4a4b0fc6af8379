import type { TrainingHistoryExport } from '@kompeten/api';
import type { CompetencyType, ExternalLearningForm, ProgrammeForm } from '@kompeten/contracts';
import { externalTrainingType, programmeTrainingType } from './national-training-type';

export type NationalTrainingRow = TrainingHistoryExport['rows'][number];

/** One completed programme or verified external learning, as the export's query selects it (dates as text). */
export type TrainingFact = {
  sourceId: string;
  nip: string;
  competencyType: CompetencyType | null;
  title: string;
  provider: string;
  startDate: string;
  endDate: string;
  jp: number;
  certificateNumber: string | null;
  year: number;
} & ({ source: 'programme'; form: ProgrammeForm | null } | { source: 'external'; form: ExternalLearningForm });

/** A fact in the national system's training-history shape (docs/national-export.md, field by field). */
export function nationalRow(f: TrainingFact): NationalTrainingRow {
  const { type, basis } =
    f.source === 'programme'
      ? programmeTrainingType(f.form, f.competencyType)
      : externalTrainingType(f.form, f.competencyType);
  return {
    nip: f.nip,
    jenisDiklatId: type.id,
    jenisDiklat: type.name,
    jenisKursusSertipikat: type.certificateKind,
    dasarPemetaan: basis,
    namaDiklat: f.title,
    institusiPenyelenggara: f.provider,
    // A programme whose first session the catalogue lacks started, as far as is known, when it ended.
    tanggalMulai: f.startDate <= f.endDate ? f.startDate : f.endDate,
    tanggalSelesai: f.endDate,
    jumlahJam: f.jp,
    nomorSertifikat: f.certificateNumber,
    tahun: f.year,
    sumber: f.source === 'programme' ? 'kompeten' : 'eksternal',
    sumberId: f.sourceId,
    bentukPengembangan: f.form,
  };
}
