import type { SkmScores } from '@kompeten/contracts';
import { type ElementSums, ikmOf, sumScores } from '../ikm/ikm';
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

/**
 * One staff member's responses in one group (trained or not on the day): the element sums and their
 * count are all the comparison needs, so the database can add them up (`servedGroups`) instead of
 * sending every response. Integer sums: the same figures whichever side adds them.
 */
export interface ServedGroup {
  nip: string;
  known: boolean;
  trained: boolean;
  responses: number;
  sums: ElementSums;
}

const OUTCOMES = {
  ikm: (g: ServedGroup) => ikmOf(g.sums, g.responses)!.ikm,
  u6: (g: ServedGroup) => ikmOf(g.sums, g.responses)!.nrr.u6,
  u7: (g: ServedGroup) => ikmOf(g.sums, g.responses)!.nrr.u7,
};

/** Trained vs untrained staff, on the IKM and elements 6 and 7 of the responses that name them. */
export function staffComparison(responses: ServedResponse[]) {
  const byStaff = new Map<string, { nip: string; known: boolean; trained: boolean; scores: SkmScores[] }>();
  for (const r of responses) {
    const key = `${r.nip}/${r.known}/${r.trained}`;
    const entry = byStaff.get(key) ?? { nip: r.nip, known: r.known, trained: r.trained, scores: [] };
    entry.scores.push(r.scores);
    byStaff.set(key, entry);
  }
  return staffComparisonOfGroups(
    [...byStaff.values()].map(({ scores, ...g }) => ({ ...g, responses: scores.length, sums: sumScores(scores) })),
  );
}

/** The comparison from each staff member's summed responses (one group per staff member, known, trained). */
export function staffComparisonOfGroups(all: ServedGroup[]) {
  const groups = all.filter((g) => g.known);
  const trained = groups.filter((g) => g.trained);
  const untrained = groups.filter((g) => !g.trained);
  const responsesIn = (gs: ServedGroup[]) => gs.reduce((s, g) => s + g.responses, 0);
  const total = responsesIn(all);
  return {
    definition: STAFF_COMPARISON_DEFINITION,
    responsesNamingStaff: total,
    responsesNamingUnknownStaff: total - responsesIn(groups),
    outcomes: Object.entries(OUTCOMES).map(([outcome, of]) => {
      const d = welchDifference(trained.map(of), untrained.map(of));
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
