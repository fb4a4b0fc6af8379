/**
 * The programme catalogue, after the seed document: disaster management for BPBD and disaster-prone
 * units, effective communication and patient management for puskesmas, digital public services,
 * an internship (magang) with Universitas Andalas, e-learning and a mobile app for busy staff.
 * `quarter` places the sessions and completions on the time line (0 = the current quarter).
 * Unit programmes (with `units`) run in windows that do not overlap, so that each has untrained
 * units to compare with; the other programmes train OPD office staff, who serve no survey unit.
 */
export interface ProgrammeSpec {
  key: string;
  title: string;
  competencyType: 'teknis' | 'manajerial' | 'sosial-kultural';
  competencyArea: string;
  form: 'klasikal' | 'e-learning' | 'mobile' | 'blended' | 'magang';
  universityPartner?: string;
  jp: number;
  costPerParticipant: number;
  fundingOpd: string;
  /** Every staff member of these service units, and the office staff of these OPDs, may enrol. */
  audience: { units?: string[]; opds?: string[] };
  /** Share of the audience that enrols. */
  uptake: number;
  quarter: number;
  /** Classroom days; self-paced programmes have modules instead. */
  sessions?: string[];
  /**
   * Whether a seat waits for the unit head's release (surat tugas) as well as the funds. Absent: false,
   * so that seats confirm on the budget's answer alone.
   */
  releaseRequired?: boolean;
  modules?: string[];
  /** Seats as a share of the planned enrolments (below 1: a capacity waitlist). */
  seats?: number;
  /** Share of the planned enrolments the paying OPD's budget covers (below 1: it runs short). */
  funding: number;
}

const ALL_OPDS = [
  'BKPSDM',
  'DINKES',
  'DISDUKCAPIL',
  'BPBD',
  'DISDIKBUD',
  'DINAS-PUPR',
  'DINSOS',
  'SATPOL-PP',
  'DISKOMINFO',
];

export const CATALOGUE: ProgrammeSpec[] = [
  {
    key: 'layanan-digital',
    title: 'Pelayanan publik digital: KTP-el, IKD dan SIAK terpusat',
    competencyType: 'teknis',
    competencyArea: 'digital-public-services',
    form: 'e-learning',
    jp: 20,
    costPerParticipant: 350_000,
    fundingOpd: 'DISDUKCAPIL',
    quarter: -7,
    uptake: 0.85,
    funding: 1,
    audience: {
      units: ['DUKCAPIL-MPP', 'DUKCAPIL-MKS', 'DUKCAPIL-GP', 'DUKCAPIL-ABTB'],
      opds: ['DISDUKCAPIL', 'DISKOMINFO'],
    },
    modules: ['m1', 'm2', 'm3', 'kuis'],
  },
  {
    key: 'integritas-mobile',
    title: 'Integritas dan antikorupsi ASN (aplikasi mobile)',
    competencyType: 'manajerial',
    competencyArea: 'integritas',
    form: 'mobile',
    jp: 12,
    costPerParticipant: 150_000,
    fundingOpd: 'BKPSDM',
    quarter: -6,
    uptake: 0.45,
    funding: 1,
    audience: { opds: ALL_OPDS },
    modules: ['m1', 'm2', 'kuis'],
  },
  {
    key: 'kom-efektif',
    title: 'Komunikasi efektif dan manajemen pasien',
    competencyType: 'teknis',
    competencyArea: 'effective-communication',
    form: 'klasikal',
    jp: 24,
    costPerParticipant: 1_500_000,
    fundingOpd: 'DINKES',
    quarter: -5,
    uptake: 0.85,
    funding: 1,
    audience: {
      units: ['PUSKESMAS-GULAI-BANCAH', 'PUSKESMAS-TIGO-BALEH', 'PUSKESMAS-RASIMAH-AHMAD', 'PUSKESMAS-PLUS-MANDIANGIN'],
    },
    sessions: ['Komunikasi terapeutik', 'Manajemen antrean dan alur pasien', 'Menangani keluhan pasien'],
  },
  {
    key: 'magang-unand',
    title: 'Magang riset kebijakan pelayanan publik di Universitas Andalas',
    competencyType: 'teknis',
    competencyArea: 'public-policy-research',
    form: 'magang',
    universityPartner: 'Universitas Andalas',
    jp: 40,
    costPerParticipant: 4_000_000,
    fundingOpd: 'BKPSDM',
    quarter: -4,
    uptake: 0.25,
    funding: 1,
    seats: 0.7,
    audience: { opds: ['BKPSDM', 'DINKES', 'DISKOMINFO'] },
    sessions: ['Orientasi di kampus', 'Riset lapangan', 'Seminar hasil'],
  },
  {
    key: 'k3-konstruksi',
    title: 'Keselamatan konstruksi (SMKK) untuk pengawas lapangan',
    competencyType: 'teknis',
    competencyArea: 'construction-safety',
    form: 'klasikal',
    jp: 24,
    costPerParticipant: 2_500_000,
    fundingOpd: 'DINAS-PUPR',
    quarter: -4,
    uptake: 0.7,
    funding: 1,
    audience: { opds: ['DINAS-PUPR'] },
    sessions: ['Regulasi SMKK', 'Praktik inspeksi lapangan', 'Uji kompetensi'],
  },
  {
    key: 'layanan-sosial',
    title: 'Pendampingan sosial dan verifikasi DTKS',
    competencyType: 'teknis',
    competencyArea: 'social-casework',
    form: 'blended',
    jp: 20,
    costPerParticipant: 1_000_000,
    fundingOpd: 'DINSOS',
    quarter: -3,
    uptake: 0.85,
    funding: 0.6,
    audience: { opds: ['DINSOS'] },
    sessions: ['Asesmen keluarga', 'Verifikasi data lapangan'],
  },
  {
    key: 'siaga-bencana',
    title: 'Manajemen bencana: kesiapsiagaan gempa dan longsor',
    competencyType: 'teknis',
    competencyArea: 'disaster-management',
    form: 'blended',
    jp: 32,
    costPerParticipant: 2_000_000,
    fundingOpd: 'BPBD',
    quarter: -2,
    uptake: 0.8,
    funding: 1,
    audience: {
      units: ['PUSKESMAS-GUGUK-PANJANG', 'PUSKESMAS-MANDIANGIN', 'DUKCAPIL-GP', 'DUKCAPIL-MKS'],
      opds: ['BPBD'],
    },
    sessions: ['Kajian risiko Ngarai Sianok', 'Rencana kontinjensi', 'Simulasi evakuasi', 'Posko dan logistik'],
  },
  {
    key: 'satpol-humanis',
    title: 'Penegakan perda yang humanis dan persuasif',
    competencyType: 'teknis',
    competencyArea: 'humane-law-enforcement',
    form: 'klasikal',
    jp: 16,
    costPerParticipant: 1_200_000,
    fundingOpd: 'SATPOL-PP',
    quarter: -1,
    uptake: 0.85,
    funding: 0.5,
    audience: { opds: ['SATPOL-PP'] },
    sessions: ['Komunikasi persuasif', 'Penanganan pedagang kaki lima'],
  },
  {
    key: 'pelayanan-prima',
    title: 'Pelayanan publik prima',
    competencyType: 'manajerial',
    competencyArea: 'pelayanan-publik',
    form: 'klasikal',
    jp: 16,
    costPerParticipant: 800_000,
    fundingOpd: 'BKPSDM',
    quarter: -1,
    uptake: 0.2,
    funding: 1,
    audience: { opds: ALL_OPDS },
    sessions: ['Standar pelayanan', 'Maklumat pelayanan'],
  },
  {
    key: 'guru-digital',
    title: 'Pembelajaran digital untuk pengawas dan pengembang teknologi pembelajaran',
    competencyType: 'teknis',
    competencyArea: 'digital-learning',
    form: 'e-learning',
    jp: 20,
    costPerParticipant: 250_000,
    fundingOpd: 'DISDIKBUD',
    quarter: 0,
    uptake: 0.7,
    funding: 1,
    audience: { opds: ['DISDIKBUD'] },
    modules: ['m1', 'm2', 'kuis'],
  },
];

/** Teknis competencies the agency defines (manajerial ones are national and need no definition). */
export const TEKNIS_COMPETENCIES: Record<string, string> = {
  'digital-public-services': 'Pelayanan publik digital',
  'effective-communication': 'Komunikasi efektif dan manajemen pasien',
  'public-policy-research': 'Riset kebijakan pelayanan publik',
  'construction-safety': 'Keselamatan konstruksi',
  'social-casework': 'Pendampingan sosial',
  'disaster-management': 'Manajemen bencana',
  'humane-law-enforcement': 'Penegakan perda yang humanis',
  'digital-learning': 'Pembelajaran digital',
};
