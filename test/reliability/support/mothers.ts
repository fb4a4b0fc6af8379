import { randomInt } from 'node:crypto';

/** A run-unique upper-case tag: ids from earlier runs (the private broker keeps its topics) never match. */
export const runTag = () => `${Date.now().toString(36)}${randomInt(36 ** 3).toString(36)}`.toUpperCase();

/** Distinct valid NIPs for one run (up to ~24,000): a random birth date, appointed in 2010, sequence from i. */
export function nipsForRun(): (i: number) => string {
  const born = `${randomInt(1965, 1986)}${String(randomInt(1, 13)).padStart(2, '0')}${String(randomInt(1, 29)).padStart(2, '0')}`;
  return (i) =>
    `${born}2010${String(1 + (Math.floor(i / 1998) % 12)).padStart(2, '0')}${1 + (Math.floor(i / 999) % 2)}${String((i % 999) + 1).padStart(3, '0')}`;
}

export const staffBody = (nip: string, opd: string, serviceUnit?: string) => ({
  nip,
  name: 'Staf Uji Keandalan',
  employmentType: 'PNS',
  workUnit: { opd, ...(serviceUnit ? { serviceUnit } : {}) },
  position: 'Perawat',
  registeredOn: '2026-01-05',
});

export const transferBody = (opd: string, effectiveOn = '2026-07-01') => ({ to: { opd }, effectiveOn });

export const programmeBody = (programmeId: string, fundingOpd: string, competencyArea: string) => ({
  programmeId,
  title: 'Latihan keandalan layanan',
  competencyType: 'teknis',
  competencyArea,
  form: 'klasikal',
  jp: 8,
  costPerParticipant: 1000,
  capacity: 10_000,
  fundingOpd,
  sessions: [{ sessionId: 's1', date: '2026-02-02', title: 'Hari 1' }],
  // A session in the past: enrolling after it needs late enrolment.
  lateEnrolment: true,
  // Seats confirm on the budget's answer alone (no unit head's release).
  releaseRequired: false,
});
