import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './reaper';

/** Source events compared with what a read model applied, by event id (or another identity). */
export interface Tally {
  compared: number;
  lost: number;
  duplicated: number;
}

/**
 * `expected`: the identities every one of which must arrive; `applied`: what the read model holds,
 * one entry per application (an identity appearing twice was applied twice).
 */
export function tally(expected: Iterable<string>, applied: Iterable<string>): Tally {
  const want = new Set(expected);
  const seen = new Map<string, number>();
  for (const id of applied) seen.set(id, (seen.get(id) ?? 0) + 1);
  let lost = 0;
  let duplicated = 0;
  for (const id of want) {
    const n = seen.get(id) ?? 0;
    if (n === 0) lost++;
    duplicated += Math.max(0, n - 1);
  }
  return { compared: want.size, lost, duplicated };
}

export const PROFILE = process.env.RELIABILITY_PROFILE === 'nightly' ? 'nightly' : 'ci';

/** A number from the environment, or the CI default, or the nightly one. */
export const setting = (name: string, ci: number, nightly: number) =>
  Number(process.env[name] ?? (PROFILE === 'nightly' ? nightly : ci));

/**
 * Prints what a test measured and appends it to .cache/reliability/figures.ndjson (RELIABILITY.md's
 * table is filled from there; `npm run nightly` prints a summary of it).
 */
export function recordFigures(test: string, figures: Record<string, unknown>): void {
  const line = { at: new Date().toISOString(), profile: PROFILE, test, figures };
  process.stdout.write(`\n[figures] ${test}: ${JSON.stringify(figures)}\n`);
  const dir = path.join(ROOT, '.cache', 'reliability');
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(path.join(dir, 'figures.ndjson'), `${JSON.stringify(line)}\n`);
}
