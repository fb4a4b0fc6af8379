import { gapOf, RequirementRow } from '../required-levels';

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);

/**
 * A unit's gaps per competency, largest total gap first — the input for its training plan (PP 11/2017
 * art. 206). Means and gaps count assessed staff only; notAssessed says how many are still unknown.
 */
export function unitGaps(rows: RequirementRow[], names: Map<string, string>) {
  const codes = [...new Set(rows.map((r) => r.competencyCode))];
  return codes
    .map((code) => {
      const required = rows.filter((r) => r.competencyCode === code);
      const assessed = required.filter((r) => r.assessedLevel !== null);
      const gaps = assessed.map((r) => gapOf(r) as number);
      return {
        code,
        name: names.get(code) ?? code,
        staffRequired: required.length,
        assessed: assessed.length,
        notAssessed: required.length - assessed.length,
        withGap: gaps.filter((g) => g > 0).length,
        meanRequiredLevel: mean(required.map((r) => r.requiredLevel)),
        meanAssessedLevel: mean(assessed.map((r) => r.assessedLevel as number)),
        meanGap: mean(gaps),
        totalGap: gaps.reduce((a, b) => a + b, 0),
      };
    })
    .sort((a, b) => b.totalGap - a.totalGap || a.code.localeCompare(b.code));
}

/** Staff with at least one gap, each with the competencies they fall short in. */
export function staffWithGaps(rows: RequirementRow[]) {
  const short = rows.filter((r) => (gapOf(r) ?? 0) > 0);
  return [...new Set(short.map((r) => r.nip))].map((nip) => ({
    nip,
    position: short.find((r) => r.nip === nip)!.position,
    gaps: short
      .filter((r) => r.nip === nip)
      .map((r) => ({
        competencyCode: r.competencyCode,
        requiredLevel: r.requiredLevel,
        assessedLevel: r.assessedLevel,
        gap: gapOf(r),
      })),
  }));
}
