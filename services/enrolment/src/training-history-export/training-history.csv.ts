import { stringify } from 'csv-stringify/sync';
import type { NationalTrainingRow } from './training-history-row';

/** The CSV's columns, in the order of the national form (then Kompeten's own reference columns). */
export const CSV_COLUMNS: readonly Extract<keyof NationalTrainingRow, string>[] = [
  'nip',
  'jenisDiklatId',
  'jenisDiklat',
  'jenisKursusSertipikat',
  'namaDiklat',
  'institusiPenyelenggara',
  'tanggalMulai',
  'tanggalSelesai',
  'jumlahJam',
  'nomorSertifikat',
  'tahun',
  'dasarPemetaan',
  'sumber',
  'sumberId',
  'bentukPengembangan',
];

/**
 * RFC 4180 by csv-stringify: a header row, CRLF line ends, a field quoted when it holds a comma, a
 * quote or a line break (quotes doubled); UTF-8 (the charset is in the Content-Type). Empty: null.
 * With CRLF records csv-stringify quotes a field for a CRLF only: `quoted_match` quotes a lone LF or CR too.
 */
export const trainingHistoryCsv = (rows: NationalTrainingRow[]): string =>
  stringify(rows, { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows', quoted_match: /[\r\n]/ });
