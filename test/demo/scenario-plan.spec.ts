import { parseNip } from '@kompeten/contracts';
import { planScenario } from '../../tools/demo/src/plan/scenario.plan';
import { SIZES } from '../../tools/demo/src/scenario-sizes';

const TODAY = '2026-11-30';
const plan = planScenario(1, SIZES.small, TODAY);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('the demo scenario plan', () => {
  it('is the same city for the same seed, and another city for another seed', () => {
    expect(JSON.stringify(planScenario(1, SIZES.small, TODAY))).toBe(JSON.stringify(plan));
    expect(planScenario(2, SIZES.small, TODAY).surveys[0].scores).not.toEqual(plan.surveys[0].scores);
  });

  it('gives every staff member a valid, unique NIP and a PNS or PPPK contract', () => {
    expect(new Set(plan.staff.map((s) => s.nip)).size).toBe(plan.staff.length);
    for (const s of plan.staff) expect(parseNip(s.nip, new Date(`${TODAY}T00:00:00Z`))).toMatchObject({ ok: true });
    expect(plan.staff.filter((s) => s.employmentType === 'PPPK').length).toBeGreaterThan(plan.staff.length * 0.1);
  });

  it('dates nothing after yesterday', () => {
    const dates = [
      ...plan.surveys.map((r) => r.servedOn),
      ...plan.programmes.flatMap((p) => [
        ...p.sessions.map((s) => s.date),
        ...p.participants.flatMap((x) => [
          x.completedOn,
          x.pre.assessedOn,
          x.post?.assessedOn,
          x.onTheJob?.assessedOn,
          ...x.statements.map((s) => s.deviceTimestamp.slice(0, 10)),
        ]),
      ]),
    ].filter((d): d is string => Boolean(d));
    expect(dates.every((d) => d <= plan.timeline.lastDay)).toBe(true);
  });

  it('makes workload the commonest reason to withdraw', () => {
    const reasons = plan.programmes.flatMap((p) =>
      p.participants.flatMap((x) => (x.withdrawal ? [x.withdrawal.reason] : [])),
    );
    const count = (r: string) => reasons.filter((x) => x === r).length;
    expect(count('workload')).toBeGreaterThan(Math.max(count('illness'), count('transfer'), count('other')));
  });

  it('leaves untrained units in every unit programme’s window (pre, completion and post quarters)', () => {
    const unitProgrammes = plan.programmes.filter((p) => p.participants.some((x) => x.workUnit.serviceUnit));
    const quarters = unitProgrammes.map((p) => p.spec.quarter).sort((a, b) => a - b);
    for (let i = 1; i < quarters.length; i++) expect(quarters[i] - quarters[i - 1]).toBeGreaterThanOrEqual(2);
  });

  it('builds the effect in where staff were trained in communication, and nowhere else', () => {
    // Element 6 after the training quarter minus before, trained units against the rest: about +0.5.
    const change = (units: string[]) => {
      const of = (after: boolean) =>
        mean(
          plan.surveys
            .filter((r) => units.includes(r.unitCode) && r.servedOn > plan.effect.from === after)
            .map((r) => r.scores.u6),
        );
      return of(true) - of(false);
    };
    const others = plan.units.map((u) => u.code).filter((c) => !plan.effect.units.includes(c));
    expect(plan.effect.units).toHaveLength(4);
    expect(change(plan.effect.units) - change(others)).toBeCloseTo(0.5, 0);
    expect(Math.abs(change(others) - 0.02 * 4)).toBeLessThan(0.1); // only the city's slow drift
  });

  it('runs short of money in Dinas Sosial and Satpol PP only', () => {
    const short = plan.budgets.filter((b) =>
      plan.programmes.some(
        (p) =>
          p.spec.fundingOpd === b.opd &&
          b.allocations.some(
            (a) =>
              'programmeId' in a &&
              a.programmeId === p.programmeId &&
              a.amount < Math.min(p.participants.length, p.capacity) * p.spec.costPerParticipant,
          ),
      ),
    );
    expect(short.map((b) => b.opd).sort()).toEqual(['DINSOS', 'SATPOL-PP']);
  });
});
