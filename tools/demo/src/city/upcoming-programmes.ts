/**
 * Programmes still ahead, which take puskesmas staff away from duty: a seat needs the unit head's
 * release (surat tugas) as well as the funds (`releaseRequired`). Their sessions have times, a
 * venue or an online link, and a trainer; they run a few weeks after today, so enrolment is open.
 */
export interface UpcomingSessionSpec {
  title: string;
  startTime: string;
  endTime: string;
  venue: string | null;
  onlineUrl: string | null;
  trainer: string;
}

export interface UpcomingProgrammeSpec {
  key: string;
  title: string;
  competencyType: 'teknis' | 'manajerial' | 'sosial-kultural';
  competencyArea: string;
  form: 'klasikal' | 'blended';
  jp: number;
  costPerParticipant: number;
  fundingOpd: string;
  /** The puskesmas whose staff it is for. */
  units: string[];
  /** The first session is on the first working day this many days after today (or later). */
  startsInDays: number;
  /** One session per working day, in order. */
  sessions: UpcomingSessionSpec[];
}

const AULA_DINKES = 'Aula Dinas Kesehatan Kota Bukittinggi, Jl. Sudirman No. 1';

export const UPCOMING_PROGRAMMES: UpcomingProgrammeSpec[] = [
  {
    key: 'ppi-puskesmas',
    title: 'Pencegahan dan pengendalian infeksi (PPI) di puskesmas',
    competencyType: 'teknis',
    competencyArea: 'infection-prevention',
    form: 'klasikal',
    jp: 16,
    costPerParticipant: 900_000,
    fundingOpd: 'DINKES',
    units: [
      'PUSKESMAS-GULAI-BANCAH',
      'PUSKESMAS-TIGO-BALEH',
      'PUSKESMAS-RASIMAH-AHMAD',
      'PUSKESMAS-PLUS-MANDIANGIN',
      'PUSKESMAS-MANDIANGIN',
      'PUSKESMAS-GUGUK-PANJANG',
      'PUSKESMAS-BIRUGO',
    ],
    startsInDays: 21,
    sessions: [
      {
        title: 'Kewaspadaan standar dan kebersihan tangan',
        startTime: '08:00',
        endTime: '15:30',
        venue: AULA_DINKES,
        onlineUrl: null,
        trainer: 'Tim PPI RSUD Dr. Achmad Mochtar',
      },
      {
        title: 'Pengelolaan limbah medis dan sterilisasi alat',
        startTime: '08:00',
        endTime: '15:30',
        venue: AULA_DINKES,
        onlineUrl: null,
        trainer: 'Tim PPI RSUD Dr. Achmad Mochtar',
      },
    ],
  },
  {
    key: 'bhd-puskesmas',
    title: 'Bantuan hidup dasar dan kegawatdaruratan di puskesmas',
    competencyType: 'teknis',
    competencyArea: 'emergency-care',
    form: 'blended',
    jp: 12,
    costPerParticipant: 750_000,
    fundingOpd: 'DINKES',
    units: ['PUSKESMAS-GULAI-BANCAH', 'PUSKESMAS-TIGO-BALEH', 'PUSKESMAS-MANDIANGIN', 'PUSKESMAS-GUGUK-PANJANG'],
    startsInDays: 30,
    sessions: [
      {
        title: 'Teori kegawatdaruratan dasar (daring)',
        startTime: '09:00',
        endTime: '12:00',
        venue: null,
        onlineUrl: 'https://meet.bukittinggikota.go.id/bhd-puskesmas',
        trainer: 'dr. Yulia Rahmi, Sp.EM',
      },
      {
        title: 'Praktik resusitasi jantung paru dengan manekin',
        startTime: '08:00',
        endTime: '14:00',
        venue: 'Gedung PSC 119 Kota Bukittinggi',
        onlineUrl: null,
        trainer: 'dr. Yulia Rahmi, Sp.EM',
      },
    ],
  },
];
