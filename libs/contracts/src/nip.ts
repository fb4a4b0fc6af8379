import { CityCalendar } from '@kompeten/domain';

/**
 * NIP (Nomor Induk Pegawai), the 18-digit civil-servant number:
 *   YYYYMMDD (birth date) · YYYYMM (appointment, TMT CPNS) · G (gender: 1 male, 2 female) · NNN (sequence ≥ 001)
 * e.g. 198609262015051001. Every part is checked, and a failure names the part.
 */
export interface Nip {
  value: string;
  birthDate: string; // YYYY-MM-DD
  appointment: string; // YYYY-MM
  gender: 'male' | 'female';
  sequence: number;
}

export type NipPart = 'format' | 'birthDate' | 'appointment' | 'gender' | 'sequence';
export type NipResult = { ok: true; nip: Nip } | { ok: false; part: NipPart; message: string };

const isRealDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

const WIB = new CityCalendar();

/**
 * Parses and validates a NIP. `today` bounds the dates (no births or appointments in the future), read
 * in the city's calendar (WIB unless given): at 03:00 WIB on 1 March an appointment in March is not in
 * the future, although UTC is still in February.
 */
export function parseNip(value: string, today: Date = new Date(), calendar: CityCalendar = WIB): NipResult {
  if (!/^\d{18}$/.test(value)) return { ok: false, part: 'format', message: 'NIP must be exactly 18 digits' };
  const n = (from: number, to: number) => Number(value.slice(from, to));
  const [by, bm, bd] = [n(0, 4), n(4, 6), n(6, 8)];
  const [ay, am] = [n(8, 12), n(12, 14)];
  const gender = value[14];
  const sequence = n(15, 18);
  const birth = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  const cityToday = calendar.dateOf(today);
  const thisYear = Number(cityToday.slice(0, 4));
  const thisMonth = Number(cityToday.slice(5, 7));
  if (by < 1900 || !isRealDate(by, bm, bd) || birth > cityToday) {
    return { ok: false, part: 'birthDate', message: `NIP digits 1–8 (${value.slice(0, 8)}) are not a real birth date` };
  }
  if (am < 1 || am > 12 || ay > thisYear || (ay === thisYear && am > thisMonth)) {
    return {
      ok: false,
      part: 'appointment',
      message: `NIP digits 9–14 (${value.slice(8, 14)}) are not a real appointment month`,
    };
  }
  if (ay - by < 15) {
    return {
      ok: false,
      part: 'appointment',
      message: `NIP digits 9–14: appointed in ${ay}, at most ${ay - by} years after the birth date`,
    };
  }
  if (gender !== '1' && gender !== '2') {
    return { ok: false, part: 'gender', message: `NIP digit 15 is the gender and must be 1 or 2, not ${gender}` };
  }
  if (sequence < 1)
    return { ok: false, part: 'sequence', message: 'NIP digits 16–18 are a sequence number and must be 001 or more' };
  return {
    ok: true,
    nip: {
      value,
      birthDate: birth,
      appointment: `${value.slice(8, 12)}-${value.slice(12, 14)}`,
      gender: gender === '1' ? 'male' : 'female',
      sequence,
    },
  };
}
