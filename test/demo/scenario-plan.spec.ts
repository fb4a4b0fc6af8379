import { parseNip } from '@kompeten/contracts';
import { fiscalYearOf } from '@kompeten/domain';
import { ATTENDANCE_THRESHOLD, SECONDS_PER_JP } from '../../tools/demo/src/plan/participation.plan';
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
      ...plan.staff.flatMap((s) => [s.registeredOn, s.positionSince]),
    ].filter((d): d is string => Boolean(d));
    expect(dates.every((d) => d <= plan.timeline.lastDay)).toBe(true);
  });

  it('registers every staff member from a real date before the history’s first quarter, after their appointment', () => {
    expect(plan.timeline.historyStart).toBe('2024-10-01'); // quarter −8 of 2026-Q4
    for (const s of plan.staff) {
      expect(s.registeredOn < plan.timeline.historyStart).toBe(true);
      const tmt = `${s.nip.slice(8, 12)}-${s.nip.slice(12, 14)}-01`; // the appointment (PPPK: contract start) in the NIP
      if (s.employmentType === 'PNS') expect(s.registeredOn >= tmt).toBe(true);
      else expect(s.registeredOn).toBe(tmt);
      expect(s.positionSince >= s.registeredOn && s.positionSince < plan.timeline.historyStart).toBe(true);
    }
    // Real dates, not one go-live date for everybody.
    expect(new Set(plan.staff.map((s) => s.registeredOn)).size).toBeGreaterThan(plan.staff.length / 2);
  });

  it('charges every programme to the fiscal year of its first session, and opens a budget per OPD and year', () => {
    expect(plan.timeline.fiscalYears).toEqual([2024, 2025, 2026]);
    for (const p of plan.programmes) {
      expect(p.fiscalYear).toBe(fiscalYearOf(p.sessions[0]?.date ?? p.quarter.start));
      expect(plan.budgets.find((b) => b.fiscalYear === p.fiscalYear && b.opd === p.spec.fundingOpd)).toBeDefined();
      // Only its own year's budget allocates money to it.
      const allocatedIn = plan.budgets
        .filter((b) => b.allocations.some((a) => 'programmeId' in a && a.programmeId === p.programmeId))
        .map((b) => b.fiscalYear);
      expect(allocatedIn).toEqual(p.spec.competencyArea === 'disaster-management' ? [] : [p.fiscalYear]);
    }
    expect(new Set(plan.programmes.map((p) => p.fiscalYear))).toEqual(new Set([2025, 2026]));
    for (const year of plan.timeline.fiscalYears)
      expect(plan.budgets.filter((b) => b.fiscalYear === year)).toHaveLength(9);
  });

  it('backfills programmes whose first session has passed with late enrolment, and only those', () => {
    for (const p of plan.programmes) expect(p.lateEnrolment).toBe(p.sessions.length > 0);
  });

  it('completes below the attendance threshold only with a coded override, and codes every non-completion', () => {
    const taking = plan.programmes.flatMap((p) => p.participants.map((x) => ({ p, x })));
    for (const { p, x } of taking) {
      const attended = x.attendance.filter((a) => a.attended).length;
      const below = p.sessions.length > 0 && attended < ATTENDANCE_THRESHOLD * p.sessions.length;
      expect(Boolean(x.attendanceOverride)).toBe(x.outcome === 'complete' && below);
      expect(Boolean(x.nonCompletion)).toBe(x.outcome === 'not-complete');
      if (x.nonCompletion?.reason === 'other') expect(x.nonCompletion.note).toBeTruthy();
      if (x.completedOn && p.sessions.length) expect(x.completedOn >= p.sessions[0].date).toBe(true);
    }
    expect(taking.filter(({ x }) => x.attendanceOverride).length).toBeGreaterThan(0);
    const reasons = new Set(taking.flatMap(({ x }) => (x.nonCompletion ? [x.nonCompletion.reason] : [])));
    expect([...reasons].every((r) => ['absent', 'workload', 'illness', 'failed-assessment', 'other'].includes(r))).toBe(
      true,
    );
    expect([...reasons]).toEqual(expect.arrayContaining(['absent', 'workload']));
  });

  it('reports enough time on task before a self-paced completion (1 JP = 45 minutes)', () => {
    for (const p of plan.programmes.filter((x) => x.spec.modules)) {
      for (const x of p.participants.filter((y) => y.outcome === 'complete')) {
        const last = x.statements[x.statements.length - 1];
        expect(last).toMatchObject({ verb: 'completed', moduleId: p.spec.modules![p.spec.modules!.length - 1] });
        const seconds = x.statements.slice(0, -1).reduce((s, st) => s + (st.seconds ?? 0), 0);
        expect(seconds).toBeGreaterThanOrEqual(p.spec.jp * SECONDS_PER_JP);
        expect(x.completedOn).toBe(last.deviceTimestamp.slice(0, 10));
        // In order on the device's clock.
        const stamps = x.statements.map((st) => st.deviceTimestamp);
        expect([...stamps].sort()).toEqual(stamps);
      }
    }
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
          p.fiscalYear === b.fiscalYear &&
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
