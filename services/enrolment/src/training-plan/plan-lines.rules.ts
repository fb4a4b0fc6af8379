import type { PlanLine, PlanLineChange, PlanTotals } from '@kompeten/contracts';
import type { PlanLineInput } from './training-plan.commands';
import { planProblems } from './training-plan.problems';

/**
 * The officer's lines as the plan keeps them, with estimatedRupiah = headCount × jpPerPerson × costPerJp.
 * Money must stay exact: past Number.MAX_SAFE_INTEGER a double drops rupiah silently, so a line (or
 * the plan's total) that would go past it is refused, naming the line's costPerJp — the one figure
 * without a natural bound (head count and JP are bounded by the request's schema).
 * The request's schema checks types and ranges too; these checks stand for the decider's other callers.
 */
export function planLines(inputs: PlanLineInput[]): PlanLine[] {
  const seen = new Set<string>();
  let total = 0;
  return inputs.map((l, i) => {
    const at = (field: string) => `lines[${i}].${field}`;
    if (seen.has(l.lineId)) throw planProblems.invalid(at('lineId'), `${l.lineId} is used by an earlier line`);
    seen.add(l.lineId);
    if (!Number.isSafeInteger(l.headCount) || l.headCount < 0)
      throw planProblems.invalid(at('headCount'), 'must be a whole number of people, zero or more');
    if (l.people.length > l.headCount)
      throw planProblems.invalid(at('people'), `names ${l.people.length} people, more than headCount ${l.headCount}`);
    if (new Set(l.people).size !== l.people.length) throw planProblems.invalid(at('people'), 'names someone twice');
    const estimatedRupiah = l.headCount * l.jpPerPerson * l.costPerJp;
    if (!Number.isSafeInteger(estimatedRupiah))
      throw planProblems.invalid(
        at('costPerJp'),
        `headCount × jpPerPerson × costPerJp is more rupiah than can be kept exactly (${Number.MAX_SAFE_INTEGER})`,
      );
    total += estimatedRupiah;
    if (!Number.isSafeInteger(total))
      throw planProblems.invalid(
        at('costPerJp'),
        `with this line the plan’s total is more rupiah than can be kept exactly (${Number.MAX_SAFE_INTEGER})`,
      );
    return { ...l, estimatedRupiah };
  });
}

/** Lines, people (distinct NIPs named plus the places not yet named), JP and rupiah. */
export function planTotals(lines: PlanLine[]): PlanTotals {
  const named = new Set(lines.flatMap((l) => l.people));
  const unnamed = lines.reduce((n, l) => n + l.headCount - l.people.length, 0);
  return {
    lines: lines.length,
    people: named.size + unnamed,
    jp: lines.reduce((n, l) => n + l.headCount * l.jpPerPerson, 0),
    rupiah: lines.reduce((n, l) => n + l.estimatedRupiah, 0),
  };
}

const FIELDS = (line: PlanLine) => (Object.keys(line) as (keyof PlanLine)[]).filter((k) => k !== 'lineId');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What a revision did, by line id: the new lines in their order (added or changed), then those removed. */
export function lineChanges(before: PlanLine[], after: PlanLine[]): PlanLineChange[] {
  const old = new Map(before.map((l) => [l.lineId, l]));
  const kept = new Set(after.map((l) => l.lineId));
  const changes: PlanLineChange[] = [];
  for (const line of after) {
    const was = old.get(line.lineId);
    if (!was) changes.push({ lineId: line.lineId, change: 'added', fields: [] });
    else {
      const fields = FIELDS(line).filter((f) => !same(line[f], was[f]));
      if (fields.length) changes.push({ lineId: line.lineId, change: 'changed', fields });
    }
  }
  for (const line of before)
    if (!kept.has(line.lineId)) changes.push({ lineId: line.lineId, change: 'removed', fields: [] });
  return changes;
}
