import type { SeededRandom } from '../plan/seeded-random';

// Minangkabau given names; most people here go by one or two names, without a family name.
const MALE = [
  'Rahmat',
  'Fauzan',
  'Rizki',
  'Hendra',
  'Andri',
  'Zulkifli',
  'Afrizal',
  'Syafrizal',
  'Irwan',
  'Yusrizal',
  'Firdaus',
  'Hamdani',
  'Ilham',
  'Arif',
  'Budi',
  'Taufik',
  'Erizal',
  'Nofrizal',
  'Deri',
  'Yoserizal',
];
const FEMALE = [
  'Siti',
  'Yulia',
  'Rahmi',
  'Nurul',
  'Fitri',
  'Dewi',
  'Yenni',
  'Desi',
  'Mardiah',
  'Hasanah',
  'Rina',
  'Elfira',
  'Susi',
  'Yuliana',
  'Novita',
  'Sri',
  'Wahyuni',
  'Rosmaini',
  'Nelvi',
  'Lusi',
];
const SECOND = [
  'Putra',
  'Saputra',
  'Hidayat',
  'Maulana',
  'Rahman',
  'Syahputra',
  'Efendi',
  'Kurniawan',
  'Fadhilah',
  'Ananda',
  'Permata',
  'Yanti',
  'Sari',
  'Wati',
  'Rahmadani',
  'Azhari',
];

export const personName = (rng: SeededRandom, gender: 1 | 2) =>
  `${rng.pick(gender === 1 ? MALE : FEMALE)} ${rng.pick(gender === 1 ? SECOND.slice(0, 11) : SECOND.slice(9))}`;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * An 18-digit NIP: birth date, appointment month (for PPPK the contract start), gender, sequence.
 * Every part is valid by DOMAIN.md's rules (real dates, appointed at 18 or older, nothing in the future).
 * Appointed in `latestYear` at the latest: the demo's staff all served before its history begins.
 */
export function makeNip(
  rng: SeededRandom,
  employment: 'PNS' | 'PPPK',
  gender: 1 | 2,
  latestYear: number,
  taken: Set<string>,
): string {
  for (;;) {
    const born = rng.int(1966, 2000);
    const appointedFrom = employment === 'PPPK' ? Math.max(2021, born + 20) : born + 20;
    const appointed = Math.min(rng.int(appointedFrom, appointedFrom + 12), latestYear);
    const birthMonth = rng.int(1, 12);
    const day = rng.int(1, birthMonth === 2 ? 28 : 30);
    const nip = `${born}${pad(birthMonth)}${pad(day)}${appointed}${pad(rng.int(1, 12))}${gender}${pad(rng.int(1, 999), 3)}`;
    if (!taken.has(nip)) {
      taken.add(nip);
      return nip;
    }
  }
}
