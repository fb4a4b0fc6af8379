import { planScenario, type ScenarioPlan } from '../plan/scenario.plan';
import { SIZES } from '../scenario-sizes';

/** A province: this many large cities side by side (issue 23's "city of cities"). */
export const PROVINCE_CITIES = 20;

/**
 * City i of the province: the large city with its own seed and tag (`P01` … `P20`), so every city
 * has its own unit codes, programmes and NIPs, and the same seed makes the same province.
 * Planned one at a time by the loader: twenty large plans at once would hold ~900,000 answers in memory.
 */
export const provinceCity = (seed: number, today: string, i: number): ScenarioPlan =>
  planScenario(seed + i, SIZES.large, today, `P${String(i + 1).padStart(2, '0')}`);
