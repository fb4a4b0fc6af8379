import { createHash } from 'node:crypto';
import { addDays, daysBetween } from '@kompeten/domain';
import { minDate, type Timeline } from './calendar';
import type { SeededRandom } from './seeded-random';
import type { StaffPlan } from './staff.plan';

/** What an officer does with a staff member's record of learning outside Kompeten's catalogue. */
export type ExternalLearningOutcome = { decision: 'verify' } | { decision: 'reject'; reason: string } | null;

export interface ExternalLearningPlan {
  /** Who it is recorded for, and by whom: the staff member themselves or their unit's officer. */
  nip: string;
  workUnit: StaffPlan['workUnit'];
  byStaff: boolean;
  form: string;
  title: string;
  provider: string;
  startDate: string;
  endDate: string;
  minutes: number;
  /** A scanned document by its reference and SHA-256, or where the provider shows the certificate. */
  evidence: { reference: string; sha256: string } | { url: string };
  providerCertificateNumber: string | null;
  /** null: still waiting for the officer at the end of the run (the pending list has something in it). */
  outcome: ExternalLearningOutcome;
}

/**
 * Learning the city's staff did elsewhere, in the forms of Peraturan LAN 10/2018 (DOMAIN.md): a course
 * by BPSDM or LAN, a MOOC, coaching by a superior, a seminar, a benchmarking visit, self-study. The
 * titles and providers are plausible, not real records.
 */
const CATALOGUE: { form: string; title: string; provider: string; minutes: [number, number]; days: number }[] = [
  {
    form: 'course',
    title: 'Pelatihan Pelayanan Prima',
    provider: 'BPSDM Provinsi Sumatera Barat',
    minutes: [1350, 1800],
    days: 4,
  },
  { form: 'e-learning', title: 'Literasi Digital ASN', provider: 'LAN RI — ASN Unggul', minutes: [540, 900], days: 30 },
  {
    form: 'coaching',
    title: 'Coaching kinerja oleh atasan langsung',
    provider: 'Atasan langsung',
    minutes: [360, 720],
    days: 60,
  },
  {
    form: 'seminar',
    title: 'Seminar Nasional Kesehatan Masyarakat',
    provider: 'Universitas Andalas',
    minutes: [360, 480],
    days: 1,
  },
  {
    form: 'benchmarking',
    title: 'Studi banding Mal Pelayanan Publik',
    provider: 'Pemerintah Kota Padang',
    minutes: [720, 900],
    days: 2,
  },
  {
    form: 'self-study',
    title: 'Belajar mandiri: Manajemen Risiko Sektor Publik',
    provider: 'Belajar mandiri',
    minutes: [600, 1200],
    days: 45,
  },
];

const REJECTIONS = ['evidence-unreadable', 'not-development', 'dates-implausible'];

/**
 * About one staff member in twelve recorded one piece of external learning in the last four quarters;
 * officers verified most, rejected some with a coded reason, and a few still wait. Every record ends
 * before this month (learning is recorded after it happened), so a verified record counts in the ledger.
 */
export function planExternalLearning(
  rng: SeededRandom,
  staff: StaffPlan[],
  timeline: Timeline,
): ExternalLearningPlan[] {
  const from = timeline.quarter(-4).start;
  // Ended before this month's transfers and departures (dated the 1st): recorded where they worked then.
  const until = minDate(timeline.lastDay, addDays(`${timeline.today.slice(0, 8)}01`, -1));
  const span = daysBetween(from, until);
  return staff.flatMap((s) => {
    const r = rng.fork(`external:${s.nip}`);
    if (!r.chance(1 / 12)) return [];
    const item = r.pick(CATALOGUE);
    const startDate = addDays(from, r.int(0, Math.max(0, span - item.days)));
    const endDate = minDate(addDays(startDate, item.days - 1), until);
    const byUrl = item.form === 'e-learning';
    const reference = `SERT/${s.nip.slice(-6)}/${startDate.slice(0, 4)}`;
    const roll = r.next();
    return [
      {
        nip: s.nip,
        workUnit: s.workUnit,
        byStaff: r.chance(0.6),
        form: item.form,
        title: item.title,
        provider: item.provider,
        startDate,
        endDate,
        minutes: r.int(item.minutes[0], item.minutes[1]),
        evidence: byUrl
          ? { url: `https://asn-unggul.lan.go.id/sertifikat/${s.nip.slice(-8)}` }
          : {
              reference,
              // The scanned certificate's digest: the officer opens the document and checks it is the one recorded.
              sha256: createHash('sha256').update(`${reference}:${item.title}`).digest('hex'),
            },
        providerCertificateNumber: item.form === 'course' || item.form === 'e-learning' ? reference : null,
        outcome:
          roll < 0.8 ? { decision: 'verify' } : roll < 0.92 ? { decision: 'reject', reason: r.pick(REJECTIONS) } : null,
      },
    ];
  });
}
