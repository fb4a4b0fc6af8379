import type { ServiceUnitSpec } from './bukittinggi.city';

export const ELEMENTS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type Element = (typeof ELEMENTS)[number];

/**
 * The truth the correlation report should find. After a unit's staff complete the communication
 * programme, citizens rate staff competence (u6) and behaviour (u7) higher, complaint handling (u8)
 * and waiting time (u3) a little higher: +1.4 on the nine-element sum, about +3.9 IKM points.
 * It starts the month after the programme's quarter. No other programme changes anything.
 */
export const TRAINING_EFFECT = {
  programmeKey: 'kom-efektif',
  elements: { u3: 0.2, u6: 0.5, u7: 0.5, u8: 0.2 } as Partial<Record<Element, number>>,
};

/** What citizens think of every unit anyway: element means before any effect (1..4). */
const BASELINE: Record<ServiceUnitSpec['kind'], Record<Element, number>> = {
  puskesmas: { u1: 3.1, u2: 3.0, u3: 2.7, u4: 3.5, u5: 3.0, u6: 2.85, u7: 2.8, u8: 2.75, u9: 2.9 },
  counter: { u1: 2.9, u2: 2.9, u3: 2.8, u4: 3.6, u5: 3.1, u6: 3.0, u7: 2.95, u8: 2.85, u9: 3.0 },
};
export const baselineOf = (kind: ServiceUnitSpec['kind']) => BASELINE[kind];

/**
 * The noise around those means, chosen so that a unit-quarter of ~30 responses gives an IKM within
 * about ±1.5 points: each respondent's mood moves all nine answers together, each answer has its own
 * noise, every unit-quarter has a small shock of its own, and the whole city drifts up slowly (so a
 * plain before/after comparison would credit the training with the drift; difference-in-differences does not).
 */
export const NOISE = {
  unitOffsetSd: 0.1,
  respondentSd: 0.15,
  answerSd: 0.35,
  unitQuarterSd: 0.02,
  cityDriftPerQuarter: 0.02,
};
