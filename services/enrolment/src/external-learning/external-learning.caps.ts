import type { ExternalLearningForm } from '@kompeten/contracts';

/** 1 JP = 45 minutes (DOMAIN.md: common practice, *unverified*). */
export const MINUTES_PER_JP = 45;

/**
 * At most this many JP a year from one form of external learning, or null: no cap. Peraturan LAN 10/2018
 * and PP 11/2017 set no such caps (DOMAIN.md names none): this is a **local policy** of the city, *unverified*
 * against any regulation, and written here so that it is one table to change (docs/external-learning.md).
 * The forms capped are those that are easy to claim and hard to check, so that they cannot fill the
 * 20-JP right on their own: seminars and workshops (an afternoon each, many a year), self-study and
 * learning communities (no provider vouches for them).
 */
export const JP_CAPS_PER_YEAR: Readonly<Record<ExternalLearningForm, number | null>> = {
  course: null,
  seminar: 8,
  workshop: 12,
  bimtek: null,
  'e-learning': null,
  coaching: null,
  mentoring: null,
  'self-study': 6,
  benchmarking: null,
  magang: null,
  secondment: null,
  'learning-community': 6,
  'distance-training': null,
};

export interface JpCredit {
  /** ⌊minutes / 45⌋. */
  jpEarned: number;
  /** What the ledger gets: jpEarned, or what is left under the form's cap for the year. */
  jpCredited: number;
  /** The cap cut the credit (jpCredited < jpEarned). */
  capApplied: boolean;
}

/**
 * The JP a verified record credits: ⌊minutes / 45⌋, limited to what is left of the form's yearly cap
 * after `alreadyCredited` (JP of the same form already credited to the same person in the same year).
 */
export function jpCredit(
  form: ExternalLearningForm,
  minutes: number,
  alreadyCredited: number,
  caps: Readonly<Record<ExternalLearningForm, number | null>> = JP_CAPS_PER_YEAR,
): JpCredit {
  const jpEarned = Math.floor(minutes / MINUTES_PER_JP);
  const cap = caps[form];
  if (cap === null) return { jpEarned, jpCredited: jpEarned, capApplied: false };
  const jpCredited = Math.min(jpEarned, Math.max(0, cap - alreadyCredited));
  return { jpEarned, jpCredited, capApplied: jpCredited < jpEarned };
}
