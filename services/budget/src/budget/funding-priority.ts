import type { FundingNeed, ScoreParts } from '@kompeten/contracts';

/**
 * The priority of a funds request when a budget funds by need (scoreVersion 1; the worked examples
 * are in docs/planning/funding-by-need.md and funding-priority.spec.ts). Four parts, each capped, so
 * that no single one can outweigh all the others and anyone can redo the sum by hand:
 * - plan: the OPD's approved training plan covers the request's competency area: (6 − priority) × 8
 *   (priority 1 → 40 … priority 5 → 8), nothing when no plan line covers it;
 * - jpShortfall: the staff member's JP still missing to the 20-JP target, at most 20, × 1.5 (0..30);
 * - gap: required minus assessed level, at most 4, × 5 (0..20);
 * - ikm: the service unit's latest IKM grade, D 10, C 7, B 3, A or none 0.
 * A request without a recorded need (made before the need was recorded) scores 0 in every part.
 */
export const SCORE_VERSION = 1;

const IKM_POINTS: Record<NonNullable<FundingNeed['ikmGrade']>, number> = { D: 10, C: 7, B: 3, A: 0 };

/** Values outside a part's range are clamped (a priority is 1..5, a shortfall or a gap never negative). */
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, Number.isFinite(v) ? v : min));

export function scoreOf(need: FundingNeed | null): { score: number; parts: ScoreParts } {
  if (!need) return { score: 0, parts: { plan: 0, jpShortfall: 0, gap: 0, ikm: 0 } };
  const parts: ScoreParts = {
    plan: need.planLine ? (6 - clamp(Math.round(need.planLine.priority), 1, 5)) * 8 : 0,
    jpShortfall: clamp(need.jpShortfall, 0, 20) * 1.5,
    gap: clamp(need.gap, 0, 4) * 5,
    ikm: need.ikmGrade ? IKM_POINTS[need.ikmGrade] : 0,
  };
  // Every part is a multiple of 0.5: the sum is exact in floating point.
  return { score: parts.plan + parts.jpShortfall + parts.gap + parts.ikm, parts };
}

export interface Rankable {
  need: FundingNeed | null;
  /** The city date of the request. */
  requestedOn: string;
}

export type Ranked<T> = T & { score: number; parts: ScoreParts; rank: number };

/**
 * Highest score first; equal scores go to the earlier request date, then to the order the requests
 * reached the budget (the order of `requests`, which the caller gives in arrival order).
 */
export function rankByNeed<T extends Rankable>(requests: readonly T[]): Ranked<T>[] {
  return requests
    .map((r, arrival) => ({ r, arrival, ...scoreOf(r.need) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.r.requestedOn < b.r.requestedOn ? -1 : a.r.requestedOn > b.r.requestedOn ? 1 : 0) ||
        a.arrival - b.arrival,
    )
    .map(({ r, score, parts }, i) => ({ ...r, score, parts, rank: i + 1 }));
}

/** `48.5 (plan 40 + JP shortfall 0 + gap 5 + IKM 3)`: the score as the explanation shows it. */
export const scoreInWords = (score: number, p: ScoreParts) =>
  `${score} (plan ${p.plan} + JP shortfall ${p.jpShortfall} + gap ${p.gap} + IKM ${p.ikm})`;
