import { CorrelationFigure, pearson, spearman } from '../statistics/correlation';
import type { UnitPeriodFacts } from './unit-period-facts';

type Pick = (f: UnitPeriodFacts) => number | null;

/** Training measures related to the outcomes (each unit-period is one observation). */
export const TRAINING_MEASURES: Record<string, Pick> = {
  share20Jp: (f) => f.training.share20Jp,
  jpPerStaff: (f) => f.training.jpPerStaff,
  meanPostAssessmentGain: (f) => f.training.meanPostAssessmentGain,
  spendPerStaff: (f) => f.training.spendPerStaff,
};

/** Citizen satisfaction: the IKM, and the two elements training should move most. */
export const OUTCOMES: Record<string, Pick> = {
  ikm: (f) => f.survey.ikm,
  u6: (f) => f.survey.nrr?.u6 ?? null,
  u7: (f) => f.survey.nrr?.u7 ?? null,
};

export interface CorrelationRow {
  measure: string;
  outcome: string;
  /** Observations with both values. */
  n: number;
  /** Of those, how many IKMs rest on fewer responses than the Krejcie–Morgan target. */
  belowSampleTarget: number;
  pearson: CorrelationFigure;
  spearman: CorrelationFigure;
}

/** Every training measure against every outcome, over the observations that have both. */
export function correlate(observations: UnitPeriodFacts[]): CorrelationRow[] {
  return Object.entries(TRAINING_MEASURES).flatMap(([measure, x]) =>
    Object.entries(OUTCOMES).map(([outcome, y]) => {
      const pairs = observations.filter((o) => x(o) !== null && y(o) !== null);
      const xs = pairs.map((o) => x(o)!);
      const ys = pairs.map((o) => y(o)!);
      return {
        measure,
        outcome,
        n: pairs.length,
        belowSampleTarget: pairs.filter((o) => !o.survey.sampleAdequate).length,
        pearson: pearson(xs, ys),
        spearman: spearman(xs, ys),
      };
    }),
  );
}
