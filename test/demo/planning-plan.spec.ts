import { planPlanning } from '../../tools/demo/src/plan/planning.plan';
import { planScenario } from '../../tools/demo/src/plan/scenario.plan';
import { SIZES } from '../../tools/demo/src/scenario-sizes';

const TODAY = '2026-11-30';
// `npm start` (seed 1, small), the demo-city test (seed 7, tiny, tagged), and a large city.
const cases = [
  ['seed 1, small', planScenario(1, SIZES.small, TODAY)],
  ['seed 7, tiny', planScenario(7, SIZES.tiny, TODAY)],
  ['seed 7, tiny, tagged', planScenario(7, SIZES.tiny, TODAY, 'TABC123')],
  ['seed 1, large', planScenario(1, SIZES.large, TODAY)],
] as const;

describe('the demo’s planning cycle (plan)', () => {
  it.each(cases)('%s: every Dinas Sosial staff member asks, for money enough for 40 % of them', (_, plan) => {
    const p = planPlanning(plan);
    const dinsos = plan.staff.filter((s) => s.workUnit.opd === p.opd);
    expect(p.applicants.length).toBeGreaterThanOrEqual(3);
    expect(p.applicants.length).toBeLessThanOrEqual(dinsos.length);
    expect(p.year).toBe(2027);
    expect(p.allocation).toBe(Math.floor(p.applicants.length * 0.4) * p.costPerParticipant);
    expect(p.expectedFunded).toHaveLength(p.allocation / p.costPerParticipant);
  });

  it.each(cases)('%s: the first to ask need it least, so need funds some later requests first', (_, plan) => {
    const p = planPlanning(plan);
    const early = Math.ceil(p.applicants.length / 3);
    expect(p.applicants.slice(0, early).every((a) => a.level === p.requiredLevel)).toBe(true);
    expect(p.applicants[early].level).toBe(1); // the plan's komunikasi line is of priority 1
    expect(p.expectedAheadOfEarlier).toBeGreaterThan(0);
  });

  it('funds by score — 30 for a PNS’s 20-JP shortfall, 5 per level of gap — then by arrival', () => {
    const plan = planScenario(1, SIZES.small, TODAY);
    const p = planPlanning(plan);
    const score = (nip: string) => {
      const a = p.applicants.find((x) => x.nip === nip)!;
      return (a.pns ? 30 : 0) + (p.requiredLevel - a.level) * 5;
    };
    const funded = new Set(p.expectedFunded);
    const lowestFunded = Math.min(...p.expectedFunded.map(score));
    for (const a of p.applicants.filter((x) => !funded.has(x.nip)))
      expect(score(a.nip)).toBeLessThanOrEqual(lowestFunded);
  });

  it('is the same story for every tag: the seed draws the order and the levels', () => {
    const levels = (tag: string) =>
      planPlanning(planScenario(7, SIZES.tiny, TODAY, tag)).applicants.map((a) => a.level);
    expect(levels('TA')).toEqual(levels('TB'));
  });
});
