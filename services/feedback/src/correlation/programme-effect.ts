import { mean } from 'simple-statistics';
import { MeanDifference, welchDifference } from '../statistics/mean-difference';

/** A unit's IKM in the period before a programme and in the period after it. */
export interface UnitChange {
  unitCode: string;
  pre: number;
  post: number;
}

export interface ProgrammeEffectInput {
  programmeId: string;
  firstCompletion: string;
  lastCompletion: string;
  pre: string;
  post: string;
  treated: UnitChange[];
  control: UnitChange[];
  /** Units left out because they have no valid responses in the pre or the post period. */
  withoutSurveys: { treated: string[]; control: string[] };
  /** Rupiah spent on this programme's completions in the treated units of the estimate. */
  spend: number;
}

export interface GroupChange {
  n: number;
  units: string[];
  meanPre: number | null;
  meanPost: number | null;
  meanChange: number | null;
}

export const DID_ASSUMPTION =
  'Parallel trends: without the programme, the trained units’ IKM would have changed as much as the untrained units’ did. Not tested here; one pre period only.';

const group = (units: UnitChange[]): GroupChange => ({
  n: units.length,
  units: units.map((u) => u.unitCode),
  meanPre: units.length ? mean(units.map((u) => u.pre)) : null,
  meanPost: units.length ? mean(units.map((u) => u.post)) : null,
  meanChange: units.length ? mean(units.map((u) => u.post - u.pre)) : null,
});

/**
 * Cost per IKM point = spend / (estimate × treated units): rupiah per IKM point per unit associated
 * with the programme. Only when the whole 95% CI of the estimate is above zero; the interval maps
 * through the same formula (its ends swap).
 */
function costPerPoint(spend: number, d: MeanDifference, treatedUnits: number) {
  if (d.estimate === null || d.ci95 === null) return { value: null, ci95: null, status: 'insufficient' as const };
  if (d.ci95[0] <= 0)
    return {
      value: d.estimate > 0 ? spend / (d.estimate * treatedUnits) : null,
      ci95: null,
      status: 'not-determinable' as const,
    };
  return {
    value: spend / (d.estimate * treatedUnits),
    ci95: [spend / (d.ci95[1] * treatedUnits), spend / (d.ci95[0] * treatedUnits)] as [number, number],
    status: d.status,
  };
}

/**
 * Difference-in-differences: (trained post − pre) − (untrained post − pre), averaged over units,
 * with Welch's interval on the per-unit changes (n per group).
 */
export function programmeEffect(input: ProgrammeEffectInput) {
  const d = welchDifference(
    input.treated.map((u) => u.post - u.pre),
    input.control.map((u) => u.post - u.pre),
  );
  return {
    programmeId: input.programmeId,
    window: {
      firstCompletion: input.firstCompletion,
      lastCompletion: input.lastCompletion,
      pre: input.pre,
      post: input.post,
    },
    treated: group(input.treated),
    control: group(input.control),
    withoutSurveys: input.withoutSurveys,
    estimate: d.estimate,
    standardError: d.standardError,
    degreesOfFreedom: d.degreesOfFreedom,
    ci95: d.ci95,
    pValue: d.pValue,
    status: d.status,
    assumption: DID_ASSUMPTION,
    spend: input.spend,
    costPerIkmPoint: costPerPoint(input.spend, d, input.treated.length),
  };
}
export type ProgrammeEffect = ReturnType<typeof programmeEffect>;
