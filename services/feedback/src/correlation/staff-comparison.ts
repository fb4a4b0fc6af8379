import type { SkmScores } from '@kompeten/contracts';
import { ikmOf, sumScores } from '../ikm/ikm';
import { welchDifference } from '../statistics/mean-difference';

/** A response that names the staff member who served, with what this service knows of them then. */
export interface ServedResponse {
  nip: string;
  servedOn: string;
  scores: SkmScores;
  known: boolean;
  trained: boolean;
}

export const STAFF_COMPARISON_DEFINITION =
  'Trained: the staff member named completed at least one programme in the 12 months up to the date of service. Each staff member’s responses are averaged first (the staff member is the unit of analysis, so one busy nurse does not count as many independent observations); someone who served both before and after training counts once in each group.';

const OUTCOMES = {
  ikm: (scores: SkmScores[]) => ikmOf(sumScores(scores), scores.length)!.ikm,
  u6: (scores: SkmScores[]) => ikmOf(sumScores(scores), scores.length)!.nrr.u6,
  u7: (scores: SkmScores[]) => ikmOf(sumScores(scores), scores.length)!.nrr.u7,
};

/** Trained vs untrained staff, on the IKM and elements 6 and 7 of the responses that name them. */
export function staffComparison(responses: ServedResponse[]) {
  const known = responses.filter((r) => r.known);
  const byStaff = new Map<string, { trained: boolean; scores: SkmScores[] }>();
  for (const r of known) {
    const key = `${r.nip}/${r.trained}`;
    const entry = byStaff.get(key) ?? { trained: r.trained, scores: [] };
    entry.scores.push(r.scores);
    byStaff.set(key, entry);
  }
  const groups = [...byStaff.values()];
  const trained = groups.filter((g) => g.trained);
  const untrained = groups.filter((g) => !g.trained);
  const responsesIn = (gs: typeof groups) => gs.reduce((s, g) => s + g.scores.length, 0);
  return {
    definition: STAFF_COMPARISON_DEFINITION,
    responsesNamingStaff: responses.length,
    responsesNamingUnknownStaff: responses.length - known.length,
    outcomes: Object.entries(OUTCOMES).map(([outcome, of]) => {
      const d = welchDifference(
        trained.map((g) => of(g.scores)),
        untrained.map((g) => of(g.scores)),
      );
      return {
        outcome,
        trained: { staff: trained.length, responses: responsesIn(trained), mean: d.a.mean },
        untrained: { staff: untrained.length, responses: responsesIn(untrained), mean: d.b.mean },
        difference: d.estimate,
        ci95: d.ci95,
        pValue: d.pValue,
        degreesOfFreedom: d.degreesOfFreedom,
        status: d.status,
      };
    }),
  };
}
export type StaffComparison = ReturnType<typeof staffComparison>;
