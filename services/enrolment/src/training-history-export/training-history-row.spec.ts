import { trainingHistoryCsv } from './training-history.csv';
import { nationalRow, type TrainingFact } from './training-history-row';

const NIP = '198609262015051001';
const programme = (over: Partial<TrainingFact> = {}): TrainingFact =>
  ({
    source: 'programme',
    sourceId: 'kom-2026-' + NIP,
    nip: NIP,
    form: 'klasikal',
    competencyType: 'teknis',
    title: 'Komunikasi efektif dan manajemen pasien',
    provider: 'BKPSDM Kota Bukittinggi',
    startDate: '2026-02-02',
    endDate: '2026-02-03',
    jp: 24,
    certificateNumber: 'KPT-2026-7M3Q-X2KD',
    year: 2026,
    ...over,
  }) as TrainingFact;
const external = (over: Partial<TrainingFact> = {}): TrainingFact =>
  ({
    ...programme(),
    source: 'external',
    sourceId: 'el-1',
    form: 'seminar',
    competencyType: null,
    title: 'Seminar nasional keselamatan pasien',
    provider: 'PERSI',
    startDate: '2026-03-10',
    endDate: '2026-03-11',
    jp: 8,
    certificateNumber: 'PERSI/2026/0451',
    ...over,
  }) as TrainingFact;

describe('a training history row in the national system’s shape', () => {
  it('files a Kompeten programme by its competency type, with its certificate number, dates and JP', () => {
    expect(nationalRow(programme())).toEqual({
      nip: NIP,
      jenisDiklatId: '3',
      jenisDiklat: 'Diklat Teknis',
      jenisKursusSertipikat: 'T',
      dasarPemetaan: 'by-competency',
      namaDiklat: 'Komunikasi efektif dan manajemen pasien',
      institusiPenyelenggara: 'BKPSDM Kota Bukittinggi',
      tanggalMulai: '2026-02-02',
      tanggalSelesai: '2026-02-03',
      jumlahJam: 24,
      nomorSertifikat: 'KPT-2026-7M3Q-X2KD',
      tahun: 2026,
      sumber: 'kompeten',
      sumberId: 'kom-2026-' + NIP,
      bentukPengembangan: 'klasikal',
    });
  });

  it.each([
    ['manajerial', '5', 'Pelatihan Manajerial'],
    ['sosial-kultural', '6', 'Pelatihan Sosial Kultural'],
    ['teknis', '3', 'Diklat Teknis'],
  ] as const)('a %s programme is national kind %s (%s)', (competencyType, id, name) => {
    expect(nationalRow(programme({ competencyType }))).toMatchObject({ jenisDiklatId: id, jenisDiklat: name });
  });

  it('a magang programme is a national kind of its own', () => {
    expect(nationalRow(programme({ form: 'magang' }))).toMatchObject({
      jenisDiklat: 'Magang',
      dasarPemetaan: 'direct',
    });
  });

  it.each([
    ['seminar', 'Seminar', 'direct'],
    ['workshop', 'Workshop', 'direct'],
    ['bimtek', 'Bimbingan Teknis', 'direct'],
    ['magang', 'Magang', 'direct'],
    ['course', 'Diklat Teknis', 'by-competency'],
    ['e-learning', 'Diklat Teknis', 'by-competency'],
    ['coaching', 'Diklat Teknis', 'nearest'],
    ['self-study', 'Diklat Teknis', 'nearest'],
    ['benchmarking', 'Diklat Teknis', 'nearest'],
  ] as const)('external %s is filed as %s (%s)', (form, name, basis) => {
    expect(nationalRow(external({ form }))).toMatchObject({
      jenisDiklat: name,
      dasarPemetaan: basis,
      sumber: 'eksternal',
    });
  });

  it('a managerial course elsewhere is managerial training; its provider’s certificate number is kept', () => {
    expect(nationalRow(external({ form: 'course', competencyType: 'manajerial' }))).toMatchObject({
      jenisDiklatId: '5',
      nomorSertifikat: 'PERSI/2026/0451',
    });
  });

  it('never starts after it ends (a programme whose first session the catalogue lacks)', () => {
    expect(nationalRow(programme({ startDate: '2026-05-01', endDate: '2026-02-03' }))).toMatchObject({
      tanggalMulai: '2026-02-03',
      tanggalSelesai: '2026-02-03',
    });
  });
});

describe('the CSV', () => {
  it('is RFC 4180: a header row, CRLF, fields with commas or quotes quoted and quotes doubled, null empty', () => {
    const csv = trainingHistoryCsv([
      nationalRow(programme({ title: 'Komunikasi, "efektif" dan pasien', certificateNumber: null })),
    ]);
    const [header, line, end] = csv.split('\r\n');
    expect(header).toBe(
      'nip,jenisDiklatId,jenisDiklat,jenisKursusSertipikat,namaDiklat,institusiPenyelenggara,tanggalMulai,tanggalSelesai,jumlahJam,nomorSertifikat,tahun,dasarPemetaan,sumber,sumberId,bentukPengembangan',
    );
    expect(line).toBe(
      `${NIP},3,Diklat Teknis,T,"Komunikasi, ""efektif"" dan pasien",BKPSDM Kota Bukittinggi,2026-02-02,2026-02-03,24,,2026,by-competency,kompeten,kom-2026-${NIP},klasikal`,
    );
    expect(end).toBe('');
  });

  it('keeps a line break inside a title within its quoted field', () => {
    const csv = trainingHistoryCsv([nationalRow(external({ title: 'Baris satu\nbaris dua' }))]);
    expect(csv).toContain('"Baris satu\nbaris dua"');
    expect(csv.split('\r\n')).toHaveLength(3);
  });

  it('is only the header row when there is nothing to export', () => {
    expect(trainingHistoryCsv([]).split('\r\n')).toEqual([expect.stringMatching(/^nip,/), '']);
  });
});
