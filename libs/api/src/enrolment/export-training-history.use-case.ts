import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type as ToType } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsNip } from '../shared/nip.validator';
import { DateOnly, defineUseCase, Nullable, StringEnum, Type, type Static } from '../use-case';

export class ExportTrainingHistoryRequest {
  @ApiPropertyOptional({
    example: 'DINKES',
    description: 'The staff of this OPD (where the roster places them now), their whole history (unit-heads: theirs)',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/, { message: 'opd must be an OPD code such as DINKES' })
  opd?: string;

  @ApiPropertyOptional({ example: '198609262015051001', description: 'One staff member (staff: their own NIP only)' })
  @IsOptional()
  @IsNip()
  nip?: string;

  @ApiPropertyOptional({
    example: 2026,
    description: 'Only this year (tahun: the year the JP count in); all years when absent',
  })
  @IsOptional()
  @ToType(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: RFC 4180, UTF-8, a header row' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

/** One line of training history in the national system's shape (docs/national-export.md). */
export const NationalTrainingRowSchema = Type.Object({
  nip: Type.String({ example: '198609262015051001' }),
  jenisDiklatId: Type.String({ example: '3', description: 'The national kind of training’s id (unverified list)' }),
  jenisDiklat: Type.String({ example: 'Diklat Teknis' }),
  jenisKursusSertipikat: StringEnum(['T', 'F', 'P', '-'] as const, {
    description: 'The certificate kind the national system files it under',
  }),
  dasarPemetaan: StringEnum(['direct', 'by-competency', 'nearest'] as const, {
    description: 'How the kind was chosen: nearest — the national list has no such form; check it before upload',
  }),
  namaDiklat: Type.String({ example: 'Komunikasi efektif dan manajemen pasien' }),
  institusiPenyelenggara: Type.String({ example: 'BKPSDM Kota Bukittinggi' }),
  tanggalMulai: DateOnly(),
  tanggalSelesai: DateOnly(),
  jumlahJam: Type.Integer({ minimum: 0, description: 'JP credited (1 JP = 45 minutes)' }),
  nomorSertifikat: Nullable(
    Type.String({
      example: 'KPT-2026-7M3Q-X2KD',
      description: 'Kompeten’s certificate (not if revoked), or the provider’s for external learning; null: none',
    }),
  ),
  tahun: Type.Integer({ example: 2026 }),
  sumber: StringEnum(['kompeten', 'eksternal'] as const, {
    description: 'A Kompeten programme, or verified external learning',
  }),
  sumberId: Type.String({ description: 'The enrolment id or the external learning id' }),
  bentukPengembangan: Nullable(
    Type.String({ example: 'klasikal', description: 'Kompeten’s form of development (LAN 10/2018)' }),
  ),
});

export const TrainingHistoryExportSchema = Type.Object({
  filter: Type.Object({
    opd: Nullable(Type.String()),
    nip: Nullable(Type.String()),
    year: Nullable(Type.Integer()),
  }),
  generatedOn: DateOnly({ description: 'The city’s date of the export' }),
  count: Type.Integer(),
  rows: Type.Array(NationalTrainingRowSchema, { description: 'By NIP, then end date' }),
});
export type TrainingHistoryExport = Static<typeof TrainingHistoryExportSchema>;

export const exportTrainingHistory = defineUseCase({
  name: 'exportTrainingHistory',
  service: 'enrolment',
  method: 'GET',
  path: '/training-history/export',
  tag: 'reports',
  summary:
    'Training history of an OPD or a staff member in the national ASN information system’s shape (riwayat diklat/kursus): completed programmes and verified external learning, JSON or CSV (format=csv)',
  params: {},
  query: ExportTrainingHistoryRequest,
  // The JSON document; with format=csv the handler answers the CSV text instead (`csv: true`).
  response: Type.Unsafe<TrainingHistoryExport | string>(TrainingHistoryExportSchema),
  csv: true,
  access: { roles: ['training-officer', 'unit-head', 'staff'], unitQuery: true, selfQuery: 'nip' },
  problems: [400],
});
