import type { RespondentProfile } from '@kompeten/contracts';
import { ServiceUnitSpec } from '../city/bukittinggi.city';
import { baselineOf, ELEMENTS, NOISE, TRAINING_EFFECT } from '../city/training-effect';
import type { ScenarioSize } from '../scenario-sizes';
import { daysInMonth, FIRST_QUARTER, isoDate, Timeline } from './calendar';
import type { SeededRandom } from './seeded-random';

/** A profile field's values (the respondent's profile as the survey form asks it). */
type Profile<K extends keyof RespondentProfile> = NonNullable<RespondentProfile[K]>;

/** One citizen's answer, as the kiosk submits it (submitSurveyResponse's body). */
export interface SurveyResponsePlan {
  submissionId: string;
  unitCode: string;
  serviceCode: string;
  servedOn: string;
  scores: Record<(typeof ELEMENTS)[number], number>;
  servedBy?: string;
  comment?: string;
  channel: 'kiosk' | 'paper';
  respondent?: {
    gender: Profile<'gender'>;
    ageGroup: Profile<'ageGroup'>;
    education: Profile<'education'>;
    occupation: Profile<'occupation'>;
  };
}

/** The first quarter surveyed (relative to the current one): the history's first, eight full quarters before this one. */
export const FIRST_SURVEY_QUARTER = FIRST_QUARTER;

const GOOD = [
  'Petugas ramah dan sabar menjelaskan.',
  'Pelayanan cepat, terima kasih.',
  'Penjelasan petugas jelas dan mudah dipahami.',
  'Sudah jauh lebih baik dari tahun lalu.',
];
const POOR = [
  'Antrean terlalu lama.',
  'Petugas kurang ramah.',
  'Ruang tunggu sempit dan panas.',
  'Informasi persyaratan kurang jelas.',
  'Sistem sering offline.',
];
const AGES: [Profile<'ageGroup'>, number][] = [
  ['<20', 5],
  ['20-29', 22],
  ['30-39', 27],
  ['40-49', 22],
  ['50-59', 15],
  ['60+', 9],
];
const EDUCATION: [Profile<'education'>, number][] = [
  ['sd', 10],
  ['smp', 15],
  ['sma', 40],
  ['diploma', 10],
  ['s1', 22],
  ['s2+', 3],
];
const OCCUPATION: [Profile<'occupation'>, number][] = [
  ['pns', 8],
  ['tni-polri', 3],
  ['private', 25],
  ['self-employed', 35],
  ['student', 12],
  ['other', 17],
];

/** A 1..4 answer whose expected value is x (clamped): the integer below or above, by x's fraction. */
const answer = (x: number, rng: SeededRandom) => {
  const c = Math.min(4, Math.max(1, x));
  return Math.min(4, Math.floor(c) + (rng.chance(c - Math.floor(c)) ? 1 : 0));
};

/**
 * Citizens' responses for one unit, month by month: the unit's baseline, its own offset, a small
 * shock per quarter, the city's slow drift and — only after its staff were trained in communication
 * (`trainedAfter`, the last day of that programme's quarter) — the built-in effect.
 */
export function planUnitSurveys(
  unit: ServiceUnitSpec,
  staffNips: string[],
  trainedAfter: string | null,
  size: ScenarioSize,
  t: Timeline,
  rng: SeededRandom,
): SurveyResponsePlan[] {
  const base = baselineOf(unit.kind);
  const offset = rng.fork('offset').normal(0, NOISE.unitOffsetSd);
  const out: SurveyResponsePlan[] = [];
  for (let rel = FIRST_SURVEY_QUARTER; rel <= 0; rel++) {
    const q = t.quarter(rel);
    const shock = rng.fork(`shock:${rel}`).normal(0, NOISE.unitQuarterSd);
    const drift = NOISE.cityDriftPerQuarter * (rel - FIRST_SURVEY_QUARTER);
    // A stream per month, and counts that do not depend on the month's length: quarter -3 gets the
    // same answers whatever today's date, so a seeded run finds the same figures next year.
    t.monthsOf(q).forEach((month, m) => {
      const r = rng.fork(`month:${rel}:${m}`);
      const days = Number(month.lastDay.slice(8, 10));
      const full = daysInMonth(month.year, month.month);
      const count = Math.round(size.responsesPerUnitMonth * unit.weight * (days === full ? 1 : days / full));
      const trained = trainedAfter !== null && month.firstDay > trainedAfter;
      for (let i = 0; i < count; i++) {
        const mood = r.normal(0, NOISE.respondentSd);
        const scores = Object.fromEntries(
          ELEMENTS.map((e) => [
            e,
            answer(
              base[e] +
                offset +
                shock +
                drift +
                mood +
                (trained ? (TRAINING_EFFECT.elements[e] ?? 0) : 0) +
                r.normal(0, NOISE.answerSd),
              r,
            ),
          ]),
        ) as SurveyResponsePlan['scores'];
        const mean = ELEMENTS.reduce((s, e) => s + scores[e], 0) / ELEMENTS.length;
        out.push({
          submissionId: r.uuid(),
          unitCode: unit.code,
          serviceCode: r.pick(unit.services).code,
          servedOn: isoDate(month.year, month.month, 1 + Math.floor(r.next() * days)),
          scores,
          servedBy: staffNips.length && r.chance(0.3) ? r.pick(staffNips) : undefined,
          comment: r.chance(0.06) ? r.pick(mean >= 3.1 ? GOOD : POOR) : undefined,
          channel: r.chance(0.75) ? 'kiosk' : 'paper',
          respondent: r.chance(0.7)
            ? {
                gender: r.chance(0.55) ? 'P' : 'L',
                ageGroup: r.weighted(AGES),
                education: r.weighted(EDUCATION),
                occupation: r.weighted(OCCUPATION),
              }
            : undefined,
        });
      }
    });
  }
  return out;
}
