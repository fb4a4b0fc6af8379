/**
 * The demo city: Bukittinggi's OPDs and the service units citizens rate (DOMAIN.md). Puskesmas
 * names are the seven DOMAIN.md lists (the eighth is unverified, so it is left out). Yearly service
 * users are demo figures: they set the Krejcie–Morgan sample target, not the number of responses.
 */
export interface Opd {
  code: string;
  name: string;
  positions: string[];
  weight: number;
}
export interface ServiceUnitSpec {
  code: string;
  name: string;
  opd: string;
  kind: 'puskesmas' | 'counter';
  services: { code: string; name: string }[];
  annualServiceUsers: number;
  /** Relative number of staff and of survey responses. */
  weight: number;
}

export const OPDS: Opd[] = [
  {
    code: 'BKPSDM',
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    positions: ['Analis SDM Aparatur Ahli Pertama', 'Pranata SDM Aparatur Terampil', 'Widyaiswara Ahli Muda'],
    weight: 0.8,
  },
  {
    code: 'DINKES',
    name: 'Dinas Kesehatan',
    positions: [
      'Epidemiolog Kesehatan Ahli Pertama',
      'Administrator Kesehatan Ahli Pertama',
      'Penyuluh Kesehatan Masyarakat',
    ],
    weight: 0.8,
  },
  {
    code: 'DISDUKCAPIL',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    positions: ['Administrator Database Kependudukan', 'Analis Kebijakan Ahli Pertama'],
    weight: 0.6,
  },
  {
    code: 'BPBD',
    name: 'Badan Penanggulangan Bencana Daerah',
    positions: ['Analis Kebencanaan Ahli Pertama', 'Operator Pusdalops', 'Penyuluh Kebencanaan'],
    weight: 1,
  },
  {
    code: 'DISDIKBUD',
    name: 'Dinas Pendidikan dan Kebudayaan',
    positions: ['Pengawas Sekolah Ahli Madya', 'Pamong Budaya Ahli Pertama', 'Pengembang Teknologi Pembelajaran'],
    weight: 1.2,
  },
  {
    code: 'DINAS-PUPR',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    positions: ['Teknik Jalan dan Jembatan Ahli Pertama', 'Penata Ruang Ahli Pertama', 'Pengawas Konstruksi'],
    weight: 1,
  },
  {
    code: 'DINSOS',
    name: 'Dinas Sosial',
    positions: ['Pekerja Sosial Ahli Pertama', 'Penyuluh Sosial Ahli Pertama'],
    weight: 0.7,
  },
  {
    code: 'SATPOL-PP',
    name: 'Satuan Polisi Pamong Praja',
    positions: ['Polisi Pamong Praja Terampil', 'Polisi Pamong Praja Ahli Pertama'],
    weight: 1.2,
  },
  {
    code: 'DISKOMINFO',
    name: 'Dinas Komunikasi dan Informatika',
    positions: ['Pranata Komputer Ahli Pertama', 'Pranata Humas Ahli Pertama', 'Statistisi Ahli Pertama'],
    weight: 0.8,
  },
];

const PUSKESMAS_SERVICES = [
  { code: 'POLI-UMUM', name: 'Poli umum' },
  { code: 'KIA', name: 'Kesehatan ibu dan anak' },
  { code: 'POLI-GIGI', name: 'Poli gigi' },
  { code: 'LAB', name: 'Laboratorium' },
  { code: 'IMUNISASI', name: 'Imunisasi' },
];
const DUKCAPIL_SERVICES = [
  { code: 'KTP-EL', name: 'KTP elektronik' },
  { code: 'KK', name: 'Kartu keluarga' },
  { code: 'AKTA-LAHIR', name: 'Akta kelahiran' },
  { code: 'PINDAH-DATANG', name: 'Pindah datang' },
];
export const UNIT_POSITIONS: Record<ServiceUnitSpec['kind'] | 'social', string[]> = {
  puskesmas: [
    'Dokter Ahli Pertama',
    'Perawat Ahli Pertama',
    'Perawat Terampil',
    'Bidan Terampil',
    'Bidan Ahli Pertama',
    'Apoteker Ahli Pertama',
    'Pranata Laboratorium Kesehatan Terampil',
    'Nutrisionis Terampil',
  ],
  counter: ['Administrator Database Kependudukan', 'Pengadministrasi Kependudukan', 'Verifikator Data Kependudukan'],
  social: ['Pekerja Sosial Ahli Pertama', 'Penyuluh Sosial Terampil'],
};

const puskesmas = (slug: string, name: string, annualServiceUsers: number, weight: number): ServiceUnitSpec => ({
  code: `PUSKESMAS-${slug}`,
  name: `Puskesmas ${name}`,
  opd: 'DINKES',
  kind: 'puskesmas',
  services: PUSKESMAS_SERVICES,
  annualServiceUsers,
  weight,
});
const counter = (slug: string, name: string, annualServiceUsers: number): ServiceUnitSpec => ({
  code: `DUKCAPIL-${slug}`,
  name: `Loket Disdukcapil ${name}`,
  opd: 'DISDUKCAPIL',
  kind: 'counter',
  services: DUKCAPIL_SERVICES,
  annualServiceUsers,
  weight: 0.6,
});

export const SERVICE_UNITS: ServiceUnitSpec[] = [
  puskesmas('GULAI-BANCAH', 'Gulai Bancah', 21000, 1),
  puskesmas('TIGO-BALEH', 'Tigo Baleh', 19000, 1),
  puskesmas('RASIMAH-AHMAD', 'Rasimah Ahmad', 18000, 1),
  puskesmas('PLUS-MANDIANGIN', 'Plus Mandiangin', 24000, 1.1),
  puskesmas('MANDIANGIN', 'Mandiangin', 17000, 0.9),
  puskesmas('GUGUK-PANJANG', 'Guguk Panjang', 20000, 1),
  puskesmas('BIRUGO', 'Birugo', 9000, 0.7),
  counter('MPP', 'Mal Pelayanan Publik', 14000),
  counter('MKS', 'Kecamatan Mandiangin Koto Selayan', 7000),
  counter('GP', 'Kecamatan Guguk Panjang', 6000),
  counter('ABTB', 'Kecamatan Aur Birugo Tigo Baleh', 6000),
  {
    code: 'DINSOS-LAYANAN',
    name: 'Layanan Sosial Terpadu Dinas Sosial',
    opd: 'DINSOS',
    kind: 'counter',
    weight: 0.5,
    annualServiceUsers: 3000,
    services: [
      { code: 'DTKS', name: 'Pendaftaran DTKS' },
      { code: 'BANSOS', name: 'Pengaduan bantuan sosial' },
    ],
  },
];

export const unitPositions = (u: ServiceUnitSpec) =>
  u.opd === 'DINSOS' ? UNIT_POSITIONS.social : UNIT_POSITIONS[u.kind];
